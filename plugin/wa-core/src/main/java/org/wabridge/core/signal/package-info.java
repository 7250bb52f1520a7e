/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The bridge's own Signal protocol port: value types (addresses, bundles, ciphertext kinds, key material as raw
 * bytes), typed exceptions and the {@link org.wabridge.core.signal.SignalCrypto} interface that the session engine
 * calls to establish sessions, encrypt and decrypt {@code pkmsg}/{@code msg}/{@code skmsg} payloads and manage
 * prekeys. Nothing here depends on libsignal; the only implementation lives in the {@code wa-signal} module, and
 * the {@link org.wabridge.core.signal.PreKeyPolicy} decides, purely, when keys must be generated or rotated.
 */
package org.wabridge.core.signal;
