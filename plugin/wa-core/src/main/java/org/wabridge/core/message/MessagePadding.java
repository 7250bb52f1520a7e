/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Random padding of serialized {@code Message} protobufs before Signal encryption (whatsapp-protocol.md §6.5):
 * N bytes each of value N, N uniform in 1..16. Removal checks the padding and reports bad padding as a
 * {@link PaddingException}. Applies to {@code <enc v="2">} payloads only.
 *
 * <p>Removal accepts any N from 1 to 255 whose bytes are consistent, not only 1..16: whatsmeow only requires
 * N not to exceed the length, so a stricter check could reject messages from other clients.
 */
public final class MessagePadding {
    /** The largest pad this class adds (Baileys' writeRandomPadMax16). */
    public static final int MAX_ADDED_PAD = 16;

    private final RandomGenerator random;

    /** @param random source of the pad length; a {@code SecureRandom} in production */
    public MessagePadding(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Returns a copy of {@code plaintext} with 1..16 pad bytes appended. */
    public byte[] pad(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        int n = 1 + random.nextInt(MAX_ADDED_PAD);
        byte[] padded = Arrays.copyOf(plaintext, plaintext.length + n);
        Arrays.fill(padded, plaintext.length, padded.length, (byte) n);
        return padded;
    }

    /**
     * Checks and strips the padding.
     *
     * @throws PaddingException if the input is empty, the pad length byte is 0 or longer than the input, or
     *     the pad bytes are not all equal to it
     */
    public static byte[] unpad(byte[] padded) throws PaddingException {
        Objects.requireNonNull(padded, "padded");
        if (padded.length == 0) {
            throw new PaddingException(PaddingException.Reason.EMPTY_INPUT, 0, 0);
        }
        int n = padded[padded.length - 1] & 0xFF;
        if (n == 0) {
            throw new PaddingException(PaddingException.Reason.ZERO_PAD_LENGTH, padded.length, n);
        }
        if (n > padded.length) {
            throw new PaddingException(PaddingException.Reason.PAD_LONGER_THAN_INPUT, padded.length, n);
        }
        for (int i = padded.length - n; i < padded.length; i++) {
            if ((padded[i] & 0xFF) != n) {
                throw new PaddingException(PaddingException.Reason.INCONSISTENT_PAD_BYTES, padded.length, n);
            }
        }
        return Arrays.copyOf(padded, padded.length - n);
    }
}
