/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * A faithful stand-in for WhatsApp's chat server, for tests and local runs (whatsapp-protocol.md §9): TCP and
 * WebSocket listeners, the Noise responder with its own certificate chain, interop (JWT) and consumer (Noise
 * key) logins, one live connection per device, message fan-out with acks, receipts, offline queues released
 * only by acks, and fault injection. Codes that Meta has not published are assumptions:
 *
 * <table>
 * <caption>ack error codes ({@link org.wabridge.core.stanza.AckError}; assumed unless noted)</caption>
 * <tr><th>code</th><th>when</th></tr>
 * <tr><td>404</td><td>recipient account unknown</td></tr>
 * <tr><td>421</td><td>interop sender, recipient has not opted in to third-party chats</td></tr>
 * <tr><td>429</td><td>sender exceeded {@code messagesPerMinute}, or a recipient device queue is full
 *     ({@code queueCapacity}; retryable either way)</td></tr>
 * <tr><td>463</td><td>reach-out limit: too many new contacts in {@code reachOutWindow} (observed code, §5.5)</td></tr>
 * </table>
 * Unknown IQ namespaces get {@code <error code="501" text="feature-not-implemented"/>} (assumed).
 * Login failure codes are listed in {@link org.wabridge.emulator.auth}; media host status codes and the media
 * proxy's assumed shape in {@link org.wabridge.emulator.media}. {@code w:m} media_conn is answered with a fresh
 * upload token and the media host, or {@code 503} when the media host is off (assumed).
 */
package org.wabridge.emulator;
