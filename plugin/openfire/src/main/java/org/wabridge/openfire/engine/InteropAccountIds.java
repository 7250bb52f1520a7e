/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The interop account id of a bridged user ({@code interopData.accountID}, the token subject): derived from the
 * Openfire username alone, so it survives restarts and needs no column, and a user who unregisters and registers
 * again keeps their address at WhatsApp. The first 63 bits of SHA-256 over a domain-separation prefix and the
 * username; never zero.
 */
public final class InteropAccountIds {

    private static final String PREFIX = "wabridge interop account v1\0";

    private InteropAccountIds() {
    }

    public static long of(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((PREFIX + username).getBytes(StandardCharsets.UTF_8));
            long id = ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE;
            return id == 0 ? 1 : id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** @return the key of the user's rows in the Signal tables */
    public static String signalAccountKey(String username) {
        return Long.toUnsignedString(of(username));
    }
}
