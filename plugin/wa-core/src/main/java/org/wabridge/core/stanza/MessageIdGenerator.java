/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Objects;
import java.util.Random;

/**
 * WhatsApp-Web-style message ids (whatsapp-protocol.md §5.4): {@code "3EB0"} + 18 upper-case hex characters,
 * the first 9 bytes of SHA-256(unix seconds as 8 bytes big-endian || own user + "@c.us" || 16 random bytes).
 * Clock and randomness are injected; pass a {@link java.security.SecureRandom} in production.
 */
public final class MessageIdGenerator {
    public static final String PREFIX = "3EB0";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Clock clock;
    private final Random random;

    public MessageIdGenerator(Clock clock, Random random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new id for a message sent by {@code ownUser} (the user part of the own JID, e.g. digits). */
    public String next(String ownUser) {
        byte[] noise = new byte[16];
        synchronized (random) {
            random.nextBytes(noise);
        }
        return generate(clock.instant().getEpochSecond(), ownUser, noise);
    }

    /** The deterministic core, for tests and for callers with their own randomness. */
    public static String generate(long unixSeconds, String ownUser, byte[] random16) {
        if (random16.length != 16) {
            throw new IllegalArgumentException("need 16 random bytes, got " + random16.length);
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        sha.update(ByteBuffer.allocate(8).putLong(unixSeconds).array());
        sha.update((ownUser + "@c.us").getBytes(StandardCharsets.UTF_8));
        sha.update(random16);
        byte[] digest = sha.digest();
        StringBuilder id = new StringBuilder(PREFIX);
        for (int i = 0; i < 9; i++) {
            id.append(HEX[(digest[i] >> 4) & 0xF]).append(HEX[digest[i] & 0xF]);
        }
        return id.toString();
    }
}
