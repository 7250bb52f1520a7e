/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.wabridge.core.crypto.HkdfSha256;

/**
 * The keys of one attachment: the 32-byte media key that travels in the message, and what HKDF-SHA256
 * (no salt, info = {@link MediaType#hkdfInfo()}, 112 bytes) expands it into: IV [0,16), AES-256 cipher key
 * [16,48), HMAC-SHA256 key [48,80) and the unused ref key [80,112) (whatsapp-protocol.md §7.1).
 *
 * <p>Immutable; accessors return copies. {@link #toString()} never shows key material.
 */
public final class MediaKeys {
    /** Length of the media key carried in the message. */
    public static final int MEDIA_KEY_LENGTH = 32;
    static final int EXPANDED_LENGTH = 112;

    private final MediaType type;
    private final byte[] mediaKey;
    private final byte[] iv;
    private final byte[] cipherKey;
    private final byte[] macKey;
    private final byte[] refKey;

    private MediaKeys(MediaType type, byte[] mediaKey) {
        this.type = type;
        this.mediaKey = mediaKey.clone();
        byte[] expanded = HkdfSha256.derive(mediaKey, null, type.hkdfInfoBytes(), EXPANDED_LENGTH);
        this.iv = Arrays.copyOfRange(expanded, 0, 16);
        this.cipherKey = Arrays.copyOfRange(expanded, 16, 48);
        this.macKey = Arrays.copyOfRange(expanded, 48, 80);
        this.refKey = Arrays.copyOfRange(expanded, 80, 112);
        Arrays.fill(expanded, (byte) 0);
    }

    /**
     * Expands a media key received in (or about to be put into) a message.
     *
     * @throws InvalidMediaKeyException if the key is not exactly 32 bytes
     */
    public static MediaKeys derive(byte[] mediaKey, MediaType type) throws InvalidMediaKeyException {
        Objects.requireNonNull(type, "type");
        if (mediaKey == null || mediaKey.length != MEDIA_KEY_LENGTH) {
            throw new InvalidMediaKeyException(type, mediaKey == null ? -1 : mediaKey.length);
        }
        return new MediaKeys(type, mediaKey);
    }

    /** Draws a fresh random media key for a new upload. */
    public static MediaKeys generate(MediaType type, SecureRandom random) {
        Objects.requireNonNull(type, "type");
        byte[] key = new byte[MEDIA_KEY_LENGTH];
        random.nextBytes(key);
        return new MediaKeys(type, key);
    }

    public MediaType type() {
        return type;
    }

    public byte[] mediaKey() {
        return mediaKey.clone();
    }

    public byte[] iv() {
        return iv.clone();
    }

    public byte[] cipherKey() {
        return cipherKey.clone();
    }

    public byte[] macKey() {
        return macKey.clone();
    }

    public byte[] refKey() {
        return refKey.clone();
    }

    // package-private views without copies, for the ciphers in this package
    byte[] ivView() {
        return iv;
    }

    byte[] cipherKeyView() {
        return cipherKey;
    }

    byte[] macKeyView() {
        return macKey;
    }

    @Override
    public String toString() {
        return "MediaKeys[" + type + ", redacted]";
    }
}
