/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Login checks of the emulator: interop JWTs (product INTEROP) validated with jjwt against each provider's
 * JWKS, and the failure codes the emulator answers with. The codes are those of {@link org.wabridge.core.stanza.FailureReason}; every one of them is an assumption modelled on
 * Messenger's token login (whatsapp-protocol.md §1.3), because Meta has not published the interop codes:
 *
 * <table>
 * <caption>failure codes (all assumed)</caption>
 * <tr><th>code</th><th>meaning</th></tr>
 * <tr><td>401</td><td>consumer login with an unknown user/device or a Noise key that is not the registered one
 *     (whatsmeow's "logged out")</td></tr>
 * <tr><td>402 + code + expire</td><td>temporary ban, {@code expire} = seconds left, {@code code} = 101</td></tr>
 * <tr><td>413</td><td>interop token expired ({@code exp} passed beyond the allowed skew)</td></tr>
 * <tr><td>414</td><td>interop token invalid: bad signature, alg not allowed, unknown kid, wrong audience,
 *     not yet valid, {@code iat} in the future, missing {@code sub}, accountID ≠ {@code sub}</td></tr>
 * <tr><td>416</td><td>unknown provider: {@code iss} names no configured provider
 *     ({@link org.wabridge.core.stanza.FailureReason#UNKNOWN_PROVIDER}, shared with the bridge)</td></tr>
 * </table>
 *
 * <p>Assumption: {@code ClientPayload.interopData.accountID} is the numeric form of the JWT's {@code sub}
 * claim; a token for one account cannot log in another.
 */
package org.wabridge.emulator.auth;
