/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * WhatsApp message ids for messages the user sends. Derived from (user, peer, XMPP id), so a client that
 * resends the same stanza after a reconnect reuses the id and the ledger recognises the retry. The form
 * {@code 3EB0} + 16 upper-case hex digits follows what WhatsApp's web client sends (whatsmeow, Baileys);
 * the server treats ids as opaque strings.
 */
final class MessageIds {

    private MessageIds() {
    }

    static String derive(String username, String peer, String xmppId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((username + '\u0000' + peer + '\u0000' + xmppId)
                    .getBytes(StandardCharsets.UTF_8));
            return "3EB0" + HexFormat.of().formatHex(digest, 0, 8).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
