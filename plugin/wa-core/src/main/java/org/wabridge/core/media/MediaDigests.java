/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import java.util.HexFormat;

/**
 * What encrypting (or verifying) one blob yields for the message: {@code fileSha256} = SHA-256 of the
 * plaintext, {@code fileEncSha256} = SHA-256 of ciphertext || mac10, {@code fileLength} = plaintext length,
 * and the blob length (whatsapp-protocol.md §7.1). Immutable; accessors return copies.
 */
public final class MediaDigests {
    private final byte[] fileSha256;
    private final byte[] fileEncSha256;
    private final long fileLength;
    private final long encryptedLength;

    MediaDigests(byte[] fileSha256, byte[] fileEncSha256, long fileLength, long encryptedLength) {
        this.fileSha256 = fileSha256.clone();
        this.fileEncSha256 = fileEncSha256.clone();
        this.fileLength = fileLength;
        this.encryptedLength = encryptedLength;
    }

    public byte[] fileSha256() {
        return fileSha256.clone();
    }

    public byte[] fileEncSha256() {
        return fileEncSha256.clone();
    }

    /** Plaintext length in bytes (the message's fileLength). */
    public long fileLength() {
        return fileLength;
    }

    /** Length of the uploaded blob, ciphertext || mac10. */
    public long encryptedLength() {
        return encryptedLength;
    }

    /** The two hashes as what a receiver of the message will expect. */
    public ExpectedMediaHashes expected() {
        return ExpectedMediaHashes.of(fileSha256, fileEncSha256);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "MediaDigests[fileLength=" + fileLength + ", encryptedLength=" + encryptedLength
                + ", fileSha256=" + hex.formatHex(fileSha256) + ", fileEncSha256=" + hex.formatHex(fileEncSha256) + "]";
    }
}
