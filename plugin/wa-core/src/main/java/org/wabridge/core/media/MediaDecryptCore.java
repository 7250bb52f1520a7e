/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Incremental decryption of one blob: the last 10 bytes seen so far are held back (they may be the MAC),
 * everything before them is MACed and decrypted. Plaintext goes to an optional sink; with none it is only
 * hashed. Buffers are fixed (about 64 KiB). All checks happen in {@link #finish}.
 */
final class MediaDecryptCore {
    private static final int MAC_LENGTH = MediaEncryptCore.MAC_LENGTH;
    private static final int CHUNK = MediaEncryptCore.CHUNK;

    private final MediaType type;
    private final OutputStream plaintextSink;
    private final boolean replay;
    private final Cipher cipher;
    private final Mac mac;
    private final MessageDigest encDigest;
    private final MessageDigest plainDigest;
    private final byte[] tail = new byte[MAC_LENGTH];
    private final byte[] plain = new byte[CHUNK + 2 * 16];
    private int held;
    private long blobLength;
    private long plainLength;
    private boolean finished;

    /** A core that runs every check; plaintext goes to {@code plaintextSink}, or is only hashed if null. */
    MediaDecryptCore(MediaKeys keys, OutputStream plaintextSink) {
        this(keys, plaintextSink, false);
    }

    /**
     * @param replay true for the release pass over a blob a full pass already verified: only the blob's
     *     SHA-256 is recomputed (equal hashes prove equal bytes), MAC and plaintext hash are skipped
     */
    MediaDecryptCore(MediaKeys keys, OutputStream plaintextSink, boolean replay) {
        this.type = keys.type();
        this.plaintextSink = plaintextSink;
        this.replay = replay;
        try {
            cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.cipherKeyView(), "AES"),
                    new IvParameterSpec(keys.ivView()));
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.macKeyView(), "HmacSHA256"));
            mac.update(keys.ivView());
            encDigest = MessageDigest.getInstance("SHA-256");
            plainDigest = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC, HmacSHA256 and SHA-256 are required of every Java runtime", e);
        }
    }

    /** Feeds the whole of {@code in} through {@link #update}, using {@code buffer} for reads. */
    void drain(InputStream in, byte[] buffer) throws IOException {
        int r;
        while ((r = in.read(buffer, 0, buffer.length)) >= 0) {
            update(buffer, 0, r);
        }
    }

    /** Feeds blob bytes. */
    void update(byte[] b, int off, int len) throws IOException {
        if (finished) {
            throw new IllegalStateException("decryption already finished");
        }
        encDigest.update(b, off, len);
        blobLength += len;
        int toProcess = held + len - MAC_LENGTH;
        if (toProcess <= 0) {
            System.arraycopy(b, off, tail, held, len);
            held += len;
            return;
        }
        int fromTail = Math.min(held, toProcess);
        processCiphertext(tail, 0, fromTail);
        int fromInput = toProcess - fromTail;
        processCiphertext(b, off, fromInput);
        int keep = held - fromTail;
        System.arraycopy(tail, fromTail, tail, 0, keep);
        System.arraycopy(b, off + fromInput, tail, keep, len - fromInput);
        held = keep + len - fromInput;
    }

    private void processCiphertext(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, CHUNK);
            if (!replay) {
                mac.update(b, off, n);
            }
            int p;
            try {
                p = cipher.update(b, off, n, plain, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("plaintext buffer too small", e);
            }
            emit(p);
            off += n;
            len -= n;
        }
    }

    private void emit(int p) throws IOException {
        if (p == 0) {
            return;
        }
        if (!replay) {
            plainDigest.update(plain, 0, p);
        }
        plainLength += p;
        if (plaintextSink != null) {
            plaintextSink.write(plain, 0, p);
        }
    }

    /**
     * Ends the blob and runs every check: shape, then MAC, then {@code fileEncSha256}, then padding, then
     * {@code fileSha256} (hash checks only when {@code expected} is given). The most specific failure is
     * reported; whether any plaintext already reached the sink is the caller's design, not this class's.
     * A replay core checks shape, {@code fileEncSha256} (required) and padding, and reports the expected
     * {@code fileSha256}, which the equal blob hash vouches for.
     */
    MediaDigests finish(ExpectedMediaHashes expected) throws IOException {
        if (finished) {
            throw new IllegalStateException("decryption already finished");
        }
        finished = true;
        long cipherLength = blobLength - MAC_LENGTH;
        if (held < MAC_LENGTH || cipherLength < 16 || cipherLength % 16 != 0) {
            throw new MalformedMediaCiphertextException(type, "blob of " + blobLength
                    + " bytes is not whole AES blocks followed by a 10-byte MAC");
        }
        if (!replay && !MessageDigest.isEqual(Arrays.copyOf(mac.doFinal(), MAC_LENGTH), tail)) {
            throw new MediaMacMismatchException(type, blobLength);
        }
        byte[] encHash = encDigest.digest();
        if (replay && expected == null) {
            throw new IllegalStateException("a replay pass needs the verified hashes");
        }
        if (expected != null && !MessageDigest.isEqual(encHash, expected.fileEncSha256View())) {
            throw new MediaEncHashMismatchException(type, blobLength);
        }
        int p;
        try {
            p = cipher.doFinal(plain, 0);
        } catch (GeneralSecurityException e) {
            throw new MalformedMediaCiphertextException(type, "bad PKCS#7 padding under a valid MAC");
        }
        emit(p);
        byte[] fileHash = replay ? expected.fileSha256View() : plainDigest.digest();
        if (expected != null && !MessageDigest.isEqual(fileHash, expected.fileSha256View())) {
            throw new MediaFileHashMismatchException(type, plainLength);
        }
        return new MediaDigests(fileHash, encHash, plainLength, blobLength);
    }
}
