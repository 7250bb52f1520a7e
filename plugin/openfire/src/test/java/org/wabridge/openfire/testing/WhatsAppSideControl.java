/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * How an end-to-end test drives the WhatsApp side: a real in-process emulator and simulated WhatsApp users, each
 * a real wa-core engine with consumer credentials and libsignal. Only JDK types, so the test (application class
 * loader) and the implementation (loaded next to the plugin's classes by {@link PluginChildLoader}) share it.
 * Received events are rendered as text lines:
 * {@code text|<id>|<chat>|<body>}, {@code reply|<id>|<chat>|<quoted id>|<body>}, {@code edit|<target>|<body>},
 * {@code revoke|<target>}, {@code reaction|<target>|<emoji>}, {@code receipt|<type>|<chat>|<ids,>},
 * {@code chatstate|<chat>|<state>}, {@code other|<kind>}.
 */
public interface WhatsAppSideControl extends AutoCloseable {

    /**
     * Starts the emulator on loopback with one interop provider whose JWKS is fetched from {@code jwksUrl}, and
     * writes the emulator's trust anchor to {@code trustAnchor}.
     *
     * @return the emulator's TCP endpoint as {@code host:port}
     */
    String start(URI jwksUrl, String issuer, String audience, Path trustAnchor) throws Exception;

    /** Registers a simulated WhatsApp user (device 0) and logs its engine in. */
    void addUser(String phone, boolean optedIn) throws Exception;

    /** @return the WhatsApp address of the bridged Openfire user (its interop account) */
    String interopJid(String username);

    /** @return true while the bridged user's interop device is logged in to the emulator */
    boolean bridgedOnline(String username);

    /** @return whom the bridged user's interop account blocked, as the emulator keeps it (WhatsApp addresses) */
    List<String> blockListOf(String username);

    /** Disconnects the bridged user's interop device from the emulator's side (a lost link). */
    boolean dropBridged(String username);

    /** Sends text and waits for the server's ack; returns the message id. */
    String sendText(String phone, String toJid, String body) throws Exception;

    /** Sends a reply quoting {@code quotedId} (a message {@code quotedSender} sent); returns the message id. */
    String sendReply(String phone, String toJid, String quotedId, String quotedSender, String body) throws Exception;

    /** Edits our own message {@code targetId}. */
    void sendEdit(String phone, String toJid, String targetId, String newBody) throws Exception;

    /** Deletes our own message {@code targetId} for everyone. */
    void sendRevoke(String phone, String toJid, String targetId) throws Exception;

    /** Reacts to {@code targetId} ({@code fromMe}: whether we sent it). */
    void sendReaction(String phone, String toJid, String targetId, boolean fromMe, String emoji) throws Exception;

    /** Sends a read receipt for messages received from {@code toJid}. */
    void sendRead(String phone, String toJid, List<String> ids) throws Exception;

    /** Sends typing ({@code composing}) or stopped ({@code paused}). */
    void sendTyping(String phone, String toJid, boolean typing) throws Exception;

    /** @return the events the simulated user received so far, rendered as above */
    List<String> events(String phone);
}
