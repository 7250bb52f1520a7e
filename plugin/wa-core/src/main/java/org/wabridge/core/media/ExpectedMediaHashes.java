/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

/**
 * The two SHA-256 values a media message promises ({@code fileSha256}, {@code fileEncSha256}), checked by
 * verified decryption. Immutable; accessors return copies.
 */
public final class ExpectedMediaHashes {
    private static final int SHA256_LENGTH = 32;

    private final byte[] fileSha256;
    private final byte[] fileEncSha256;

    private ExpectedMediaHashes(byte[] fileSha256, byte[] fileEncSha256) {
        this.fileSha256 = fileSha256.clone();
        this.fileEncSha256 = fileEncSha256.clone();
    }

    /**
     * @throws IllegalArgumentException if either hash is not 32 bytes (a converter turns a short hash from
     *     the wire into a typed error before it gets here)
     */
    public static ExpectedMediaHashes of(byte[] fileSha256, byte[] fileEncSha256) {
        requireSha256("fileSha256", fileSha256);
        requireSha256("fileEncSha256", fileEncSha256);
        return new ExpectedMediaHashes(fileSha256, fileEncSha256);
    }

    private static void requireSha256(String name, byte[] value) {
        if (value == null || value.length != SHA256_LENGTH) {
            throw new IllegalArgumentException(name + " must be 32 bytes, got "
                    + (value == null ? "null" : value.length + " bytes"));
        }
    }

    public byte[] fileSha256() {
        return fileSha256.clone();
    }

    public byte[] fileEncSha256() {
        return fileEncSha256.clone();
    }

    byte[] fileSha256View() {
        return fileSha256;
    }

    byte[] fileEncSha256View() {
        return fileEncSha256;
    }
}
