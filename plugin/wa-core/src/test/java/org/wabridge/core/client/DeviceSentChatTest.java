/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.DecodedMessage;
import org.wabridge.core.message.TextContent;

/** Which chat a received message is filed under: a device-sent wrapper counts only from our own devices. */
class DeviceSentChatTest {

    private static final WaJid SELF = WaJid.of("491700000001", WaJid.USER_SERVER);
    private static final Predicate<WaJid> OWN = jid -> jid.toNonAd().equals(SELF);
    private static final String BOB = "491700000002@s.whatsapp.net";
    private static final String CAROL = "491700000003@s.whatsapp.net";

    @Test
    void aPlainMessageBelongsToItsSendersChat() {
        DecodedMessage plain = new DecodedMessage(TextContent.of("hi"), Optional.empty());

        assertEquals(BOB, MessageReceiver.chatOf(plain, WaJid.of("491700000002", 3, WaJid.USER_SERVER), OWN));
    }

    @Test
    void aCopyFromOneOfOurOwnDevicesBelongsToTheChatItNames() {
        DecodedMessage copy = new DecodedMessage(TextContent.of("sent from my phone"), Optional.of(BOB));

        assertEquals(BOB, MessageReceiver.chatOf(copy, WaJid.of("491700000001", 2, WaJid.USER_SERVER), OWN));
    }

    @Test
    void aContactCannotFileItsMessageUnderAnotherContactsChat() {
        DecodedMessage forged = new DecodedMessage(TextContent.of("I am carol"), Optional.of(CAROL));

        assertEquals(BOB, MessageReceiver.chatOf(forged, WaJid.of("491700000002", 0, WaJid.USER_SERVER), OWN));
    }
}
