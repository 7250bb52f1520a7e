/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wabridge.openfire.routing.GatewayFixture.BOB;
import static org.wabridge.openfire.routing.GatewayFixture.BOB_WA;
import static org.wabridge.openfire.routing.GatewayFixture.toBob;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.message.Edit;
import org.wabridge.core.message.Revoke;
import org.wabridge.core.message.TextContent;
import org.wabridge.openfire.ledger.LedgerEntry;
import org.wabridge.openfire.ledger.LedgerEntry.Direction;
import org.wabridge.openfire.ledger.MessageState;
import org.wabridge.openfire.testing.scripted.ScriptedWaAccount;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

/** XMPP → WhatsApp: sends, ledger rows, roster, and every refusal as an XMPP error with text. */
class OutboundRouterTest {

    private final GatewayFixture gw = new GatewayFixture();

    @AfterEach
    void stop() {
        gw.shutdown();
    }

    private Message onlyError() {
        List<Message> errors = gw.openfire.errors();
        assertEquals(1, errors.size(), "errors: " + errors);
        return errors.get(0);
    }

    @Test
    void aTextGoesToTheContactsWhatsAppAddressIsLedgeredAndTheContactJoinsTheRoster() throws Exception {
        gw.service.onMessage(toBob("m1", "hello bob"));

        ScriptedWaAccount.Send send = gw.account("alice").sends().get(0);
        assertEquals(BOB_WA, send.toJid());
        assertEquals("hello bob", ((TextContent) send.content()).body());
        LedgerEntry row = gw.ledger.findByXmppId("alice", BOB_WA, "m1").orElseThrow();
        assertEquals(send.messageId(), row.waId());
        assertEquals(Direction.OUT, row.direction());
        assertEquals(MessageState.SERVER_ACKED, row.state());
        assertTrue(gw.roster.hasContact("alice", BOB));
        assertEquals(List.of(), gw.openfire.errors());
    }

    @Test
    void notOptedInComesBackAsAnErrorWithTextAndTheRowFails() throws Exception {
        gw.service.onMessage(toBob("warm-up", "first")); // makes the session
        gw.account("alice").answerNextSend(new SendResult.Rejected(SendResult.Reason.NOT_OPTED_IN, "not opted in"));

        gw.service.onMessage(toBob("m2", "hello"));

        Message error = onlyError();
        assertEquals(PacketError.Condition.service_unavailable, error.getError().getCondition());
        assertTrue(error.getError().getText().contains("third-party apps"), error.getError().getText());
        assertEquals(GatewayFixture.ALICE, error.getTo());
        assertEquals("m2", error.getID());
        LedgerEntry row = gw.ledger.findByXmppId("alice", BOB_WA, "m2").orElseThrow();
        assertEquals(MessageState.FAILED, row.state());
        assertTrue(row.detail().orElseThrow().startsWith("NOT_OPTED_IN"));

        // WhatsApp never had m2: a correction of it is refused, not sent for an id nobody knows
        Message fix = toBob("m2-fix", "hello!");
        fix.addChildElement("replace", "urn:xmpp:message-correct:0").addAttribute("id", "m2");
        gw.service.onMessage(fix);
        List<Message> errors = gw.openfire.errors();
        assertEquals("m2-fix", errors.get(errors.size() - 1).getID());
        assertEquals(PacketError.Condition.item_not_found, errors.get(errors.size() - 1).getError().getCondition());
        assertEquals(2, gw.account("alice").sends().size(), "warm-up and m2 only");
    }

    @Test
    void everyRejectionReasonHasACondition() {
        for (SendResult.Reason reason : SendResult.Reason.values()) {
            assertTrue(MessageErrors.condition(reason) != null, reason.name());
            String text = org.wabridge.openfire.i18n.TestBundles.english().get(MessageErrors.i18nKey(reason), "+49");
            assertTrue(!text.isBlank(), reason.name());
        }
        assertEquals(PacketError.Condition.resource_constraint,
                MessageErrors.condition(SendResult.Reason.REACH_OUT_LIMIT));
        assertEquals(PacketError.Condition.item_not_found, MessageErrors.condition(SendResult.Reason.UNKNOWN_USER));
    }

    @Test
    void anUnregisteredUserIsToldToRegister() {
        Message m = toBob("m3", "hi");
        m.setFrom(new JID("carol", "example.org", "laptop"));

        gw.service.onMessage(m);

        Message error = onlyError();
        assertEquals(PacketError.Condition.registration_required, error.getError().getCondition());
        assertTrue(error.getError().getText().contains("not registered"));
        assertEquals(Optional.empty(), gw.engine.account("carol"));
    }

    @Test
    void aUserOfAnotherServerCannotUseTheLocalNamesakesAccount() {
        Message m = toBob("m3b", "hi");
        m.setFrom(new JID("alice", "other.example", "laptop"));

        gw.service.onMessage(m);

        assertEquals(PacketError.Condition.forbidden, onlyError().getError().getCondition());
        assertEquals(Optional.empty(), gw.engine.account("alice"));
    }

    @Test
    void anAddressThatIsNoPhoneNumberIsJidMalformed() {
        Message m = toBob("m4", "hi");
        m.setTo(new JID("bob", GatewayFixture.GATEWAY, null));

        gw.service.onMessage(m);

        assertEquals(PacketError.Condition.jid_malformed, onlyError().getError().getCondition());
    }

    @Test
    void anOversizedBodyIsNotAcceptableAndNothingIsSent() {
        gw.service.onMessage(toBob("m5", "x".repeat(70_000)));

        Message error = onlyError();
        assertEquals(PacketError.Condition.not_acceptable, error.getError().getCondition());
        assertTrue(error.getError().getText().contains("too long"));
        assertEquals(List.of(), gw.account("alice").sends());
    }

    @Test
    void aMalformedReactionIsBadRequest() {
        Message m = toBob("m6", null);
        m.addChildElement("reactions", "urn:xmpp:reactions:0"); // no id attribute

        gw.service.onMessage(m);

        assertEquals(PacketError.Condition.bad_request, onlyError().getError().getCondition());
    }

    @Test
    void aCorrectionWithinTheEditWindowIsAnEditAndALateOneIsRefusedWithTheReason() {
        gw.service.onMessage(toBob("orig", "helo"));
        gw.clock.now = gw.clock.now.plus(Duration.ofMinutes(14));
        Message fix = toBob("fix1", "hello");
        fix.addChildElement("replace", "urn:xmpp:message-correct:0").addAttribute("id", "orig");

        gw.service.onMessage(fix);

        assertInstanceOf(Edit.class, gw.account("alice").sends().get(1).content());

        gw.clock.now = gw.clock.now.plus(Duration.ofMinutes(2)); // 16 minutes after sending
        Message late = toBob("fix2", "hello!");
        late.addChildElement("replace", "urn:xmpp:message-correct:0").addAttribute("id", "orig");
        gw.service.onMessage(late);

        Message error = onlyError();
        assertEquals(PacketError.Condition.not_acceptable, error.getError().getCondition());
        assertTrue(error.getError().getText().contains("15 minutes"), error.getError().getText());
        assertEquals(2, gw.account("alice").sends().size());
    }

    @Test
    void aRetractionAfterTheRevokeWindowIsRefusedAndTheWindowIsASetting() {
        gw.properties.put("plugin.whatsapp.revoke.window.minutes", "60");
        gw.service.onMessage(toBob("orig", "oops"));
        gw.clock.now = gw.clock.now.plus(Duration.ofMinutes(61));
        Message retract = toBob("r1", "This person attempted to retract a previous message");
        retract.addChildElement("retract", "urn:xmpp:message-retract:1").addAttribute("id", "orig");

        gw.service.onMessage(retract);

        Message error = onlyError();
        assertTrue(error.getError().getText().contains("60 minutes"), error.getError().getText());

        gw.properties.put("plugin.whatsapp.revoke.window.minutes", "120");
        gw.service.onMessage(retract);
        assertInstanceOf(Revoke.class, gw.account("alice").sends().get(1).content());
    }

    @Test
    void aResentStanzaIsNotSentTwiceButAFailedOneMayBeRetried() {
        gw.service.onMessage(toBob("same", "once"));
        gw.service.onMessage(toBob("same", "once"));
        assertEquals(1, gw.account("alice").sends().size());

        gw.account("alice").answerNextSend(new SendResult.Rejected(SendResult.Reason.NOT_CONNECTED, "offline"));
        gw.service.onMessage(toBob("retry", "again"));
        gw.service.onMessage(toBob("retry", "again"));
        List<ScriptedWaAccount.Send> sends = gw.account("alice").sends();
        assertEquals(3, sends.size());
        assertTrue(!sends.get(1).messageId().equals(sends.get(2).messageId()), "a retry gets a fresh WhatsApp id");
    }

    @Test
    void typingAndDisplayedMarkersReachTheEngine() throws Exception {
        gw.service.onMessage(toBob("m1", "hi"));
        gw.ledger.insert(LedgerEntry.of("alice", Direction.IN, BOB_WA, "WA9", "WA9", MessageState.DELIVERED,
                gw.clock.instant()));
        Message typing = toBob("t1", null);
        typing.addChildElement("composing", "http://jabber.org/protocol/chatstates");
        Message displayed = toBob("d1", null);
        displayed.addChildElement("displayed", "urn:xmpp:chat-markers:0").addAttribute("id", "WA9");

        gw.service.onMessage(typing);
        gw.service.onMessage(displayed);

        List<Object> other = gw.account("alice").otherSends();
        assertEquals(2, other.size());
        assertInstanceOf(org.wabridge.core.message.ChatState.class, other.get(0));
        assertInstanceOf(org.wabridge.core.message.Receipt.class, other.get(1));
        assertEquals(MessageState.READ, gw.ledger.find("alice", Direction.IN, BOB_WA, "WA9").orElseThrow().state());
    }

    @Test
    void oneDisplayedMarkerMarksEveryEarlierUnreadMessageOfTheContactRead() throws Exception {
        gw.service.onMessage(toBob("m1", "hi")); // makes the session
        Instant t = gw.clock.instant();
        for (String id : List.of("WA1", "WA2", "WA3", "WA4")) {
            gw.ledger.insert(LedgerEntry.of("alice", Direction.IN, BOB_WA, id, id, MessageState.DELIVERED, t));
            t = t.plusSeconds(1);
        }
        gw.ledger.advance("alice", Direction.IN, BOB_WA, "WA1", MessageState.READ, Optional.empty(), t);
        Message displayed = toBob("d1", null);
        displayed.addChildElement("displayed", "urn:xmpp:chat-markers:0").addAttribute("id", "WA3");

        gw.service.onMessage(displayed);

        org.wabridge.core.message.Receipt read = (org.wabridge.core.message.Receipt)
                gw.account("alice").otherSends().get(0);
        assertEquals(org.wabridge.core.message.Receipt.Type.READ, read.type());
        assertEquals(List.of("WA3", "WA2"), read.messageIds(), "WA1 was read before, WA4 came later");
        assertEquals(MessageState.READ, gw.ledger.find("alice", Direction.IN, BOB_WA, "WA2").orElseThrow().state());
        assertEquals(MessageState.DELIVERED,
                gw.ledger.find("alice", Direction.IN, BOB_WA, "WA4").orElseThrow().state());
    }
}
