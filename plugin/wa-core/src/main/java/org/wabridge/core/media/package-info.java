/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * WhatsApp media crypto (whatsapp-protocol.md §7.1): {@link org.wabridge.core.media.MediaType} picks the HKDF
 * info string, {@link org.wabridge.core.media.MediaKeys} expands a 32-byte media key into IV, AES-256 key,
 * MAC key and ref key; blobs are AES-256-CBC/PKCS#7 ciphertext followed by the first 10 bytes of
 * HMAC-SHA256(macKey, IV || ciphertext). Encryption streams either way
 * ({@link org.wabridge.core.media.MediaEncryptingOutputStream} push,
 * {@link org.wabridge.core.media.MediaEncryptingInputStream} pull, {@link org.wabridge.core.media.MediaEncryptor}
 * helpers) and yields {@link org.wabridge.core.media.MediaDigests}; decryption that releases plaintext only
 * after the MAC and both hashes verified is {@link org.wabridge.core.media.VerifiedMediaDecryptor}, and the
 * explicitly unverified one-pass path is {@link org.wabridge.core.media.UnverifiedMediaDecryptingOutputStream}.
 * Memory is fixed buffers whatever the size. Every failed check is its own
 * {@link org.wabridge.core.media.MediaCryptoException} subclass. No I/O beyond the streams handed in.
 */
package org.wabridge.core.media;
