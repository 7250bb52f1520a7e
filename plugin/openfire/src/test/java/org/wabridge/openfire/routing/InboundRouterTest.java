/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wabridge.openfire.routing.GatewayFixture.BOB;
import static org.wabridge.openfire.routing.GatewayFixture.BOB_WA;
import static org.wabridge.openfire.routing.GatewayFixture.toBob;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.Handoff;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.message.TextContent;
import org.wabridge.openfire.ledger.LedgerEntry.Direction;
import org.wabridge.openfire.ledger.MessageState;
import org.wabridge.openfire.testing.scripted.ScriptedWaAccount;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

/** WhatsApp → XMPP: dedup, handoff after hand-over, offline storage, first contact, receipts, presence. */
class InboundRouterTest {

    private final GatewayFixture gw = new GatewayFixture();
    private ScriptedWaAccount account;

    @BeforeEach
    void openAlicesSession() {
        gw.service.director().clientOnline(GatewayFixture.ALICE, "192.0.2.7");
        account = gw.account("alice");
    }

    @AfterEach
    void stop() {
        gw.shutdown();
    }

    private Handoff receive(String id, String body, Instant sentAt) {
        Handoff handoff = new Handoff();
        account.emit(new WaEvent.MessageReceived(id, BOB_WA, Optional.empty(), sentAt, TextContent.of(body), handoff));
        return handoff;
    }

    private static Optional<String> outcome(Handoff h) {
        return h.outcome().toCompletableFuture().getNow(Optional.of("not answered"));
    }

    private List<Message> fromBob() {
        List<Message> out = new java.util.ArrayList<>(gw.openfire.messagesTo("alice"));
        out.removeIf(m -> !BOB.equals(m.getFrom()));
        return out;
    }

    @Test
    void aMessageIsRoutedWithStanzaIdAndTheHandoffIsConfirmedOnlyAfterwards() {
        gw.roster.addContact("alice", BOB, "+491701234567");
        AtomicReference<Handoff> handoff = new AtomicReference<>();
        gw.openfire.onDeliver = () -> assertFalse(handoff.get() != null && handoff.get().isDone(),
                "handoff confirmed before Openfire had the message");
        Handoff h = new Handoff();
        handoff.set(h);
        account.emit(new WaEvent.MessageReceived("WA1", BOB_WA, Optional.empty(), gw.clock.instant(),
                TextContent.of("hi alice"), h));

        Message m = fromBob().get(0);
        assertEquals("hi alice", m.getBody());
        assertEquals("WA1", m.getChildElement("stanza-id", "urn:xmpp:sid:0").attributeValue("id"));
        assertNull(m.getChildElement("delay", "urn:xmpp:delay"), "not delayed");
        assertEquals(Optional.empty(), outcome(h));
        assertEquals(MessageState.DELIVERED, gw.ledger.find("alice", Direction.IN, BOB_WA, "WA1").orElseThrow().state());
    }

    @Test
    void theSameWhatsAppMessageReachesTheUserOnceAndBothHandoffsAreConfirmed() {
        Handoff first = receive("WA1", "hi", gw.clock.instant());
        Handoff again = receive("WA1", "hi", gw.clock.instant());

        assertEquals(1, fromBob().size());
        assertEquals(Optional.empty(), outcome(first));
        assertEquals(Optional.empty(), outcome(again));
    }

    @Test
    void anOfflineUserGetsItInOfflineStorageAndAMessageThatWaitedIsDelayStamped() {
        gw.openfire.online = false;
        Instant sent = gw.clock.instant().minus(Duration.ofMinutes(5));

        Handoff h = receive("WA2", "while you were away", sent);

        Message stored = gw.openfire.storedOffline.stream().filter(m -> BOB.equals(m.getFrom())).findFirst()
                .orElseThrow();
        assertNotNull(stored.getChildElement("delay", "urn:xmpp:delay"));
        assertEquals(Optional.empty(), outcome(h));
    }

    @Test
    void aMessageWhatsAppReplaysFromItsOfflineQueueIsDelayStampedEvenIfRecent() {
        gw.roster.addContact("alice", BOB, "+491701234567");
        Instant sent = gw.clock.instant().minusSeconds(2);
        account.emit(new WaEvent.MessageReceived("WA3", BOB_WA, Optional.empty(), sent, TextContent.of("queued"),
                new Handoff(), true));

        org.dom4j.Element delay = fromBob().get(0).getChildElement("delay", "urn:xmpp:delay");
        assertNotNull(delay, "replayed from the offline queue: delayed");
        assertEquals(sent, Instant.parse(delay.attributeValue("stamp")));
    }

    @Test
    void whenOpenfireRefusesTheHandoffFailsAndARedeliveryLaterSucceeds() {
        gw.openfire.online = false;
        gw.openfire.refuseStorage = true;

        Handoff refused = receive("WA3", "x", gw.clock.instant());

        assertTrue(outcome(refused).orElseThrow().contains("quota"));
        assertEquals(MessageState.QUEUED, gw.ledger.find("alice", Direction.IN, BOB_WA, "WA3").orElseThrow().state());

        gw.openfire.refuseStorage = false;
        Handoff retried = receive("WA3", "x", gw.clock.instant());
        assertEquals(Optional.empty(), outcome(retried));
        assertEquals(1, fromBob().size());
    }

    @Test
    void aFirstContactGetsOneNoticeAndJoinsTheRoster() {
        receive("WA1", "hello, it is bob", gw.clock.instant());
        receive("WA2", "are you there?", gw.clock.instant());

        List<Message> notices = new java.util.ArrayList<>(gw.openfire.messagesTo("alice"));
        notices.removeIf(m -> !new JID(GatewayFixture.GATEWAY).equals(m.getFrom()));
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).getBody().contains("+491701234567"));
        assertTrue(notices.get(0).getBody().contains("encryption ends at this XMPP server"));
        assertTrue(notices.get(0).getBody().contains("block"));
        assertTrue(gw.roster.hasContact("alice", BOB));
        assertEquals(2, fromBob().size());
    }

    @Test
    void aCopyOfWhatTheAccountSentFromAnotherDeviceIsNotShownAsTheContactsWords() {
        gw.roster.addContact("alice", BOB, "+491701234567");
        Handoff copy = new Handoff();
        account.emit(new WaEvent.MessageReceived("WA9", BOB_WA, Optional.of("4930123456:2@s.whatsapp.net"),
                gw.clock.instant(), TextContent.of("written by alice elsewhere"), copy));
        Handoff own = new Handoff();
        account.emit(new WaEvent.MessageReceived("WA10", BOB_WA, Optional.of("491701234567:0@s.whatsapp.net"),
                gw.clock.instant(), TextContent.of("written by bob"), own));

        assertEquals(List.of("written by bob"), fromBob().stream().map(Message::getBody).toList());
        assertEquals(Optional.empty(), outcome(copy), "confirmed: WhatsApp must not offer it again");
        assertEquals(Optional.empty(), outcome(own));
    }

    @Test
    void withQuarantineMessagesWaitUntilTheUserWritesToTheContact() {
        gw.properties.put("plugin.whatsapp.firstcontact.quarantine", "true");

        Handoff h1 = receive("WA1", "hello", gw.clock.instant());
        Handoff h2 = receive("WA2", "hello?", gw.clock.instant());

        assertEquals(List.of(), fromBob());
        assertFalse(h1.isDone());
        assertFalse(gw.roster.hasContact("alice", BOB));
        assertEquals(1, gw.openfire.messagesTo("alice").size(), "one notice");

        gw.service.onMessage(toBob("reply", "hi bob"));

        assertEquals(List.of("hello", "hello?"), fromBob().stream().map(Message::getBody).toList());
        assertEquals(Optional.empty(), outcome(h1));
        assertEquals(Optional.empty(), outcome(h2));
        assertTrue(gw.roster.hasContact("alice", BOB));
    }

    @Test
    void withQuarantineAClosedSessionFailsHeldHandoffsAndARedeliveryIsHeldAgain() {
        gw.properties.put("plugin.whatsapp.firstcontact.quarantine", "true");
        Handoff held = receive("WA1", "hello", gw.clock.instant());

        // alice's last client leaves: the session closes after the grace period
        gw.service.director().clientOffline(GatewayFixture.ALICE);
        gw.clock.now = gw.clock.now.plusSeconds(5);
        gw.timer.fire();

        assertTrue(outcome(held).isPresent(), "held messages go back to WhatsApp for later redelivery");
        Handoff again = receive("WA1", "hello", gw.clock.instant()); // WhatsApp redelivers it later
        assertFalse(again.isDone(), "still waiting for the user's acceptance");
        assertEquals(List.of(), fromBob());

        Presence subscribe = new Presence(Presence.Type.subscribe);
        subscribe.setFrom(GatewayFixture.ALICE);
        subscribe.setTo(BOB);
        gw.service.onPresence(subscribe);

        assertEquals(List.of("hello"), fromBob().stream().map(Message::getBody).toList());
        assertEquals(Optional.empty(), outcome(again));
    }

    @Test
    void withQuarantineAMessageWhatsAppOffersAgainWhileHeldIsDeliveredOnce() {
        gw.properties.put("plugin.whatsapp.firstcontact.quarantine", "true");
        receive("WA1", "hello", gw.clock.instant());
        Handoff again = receive("WA1", "hello", gw.clock.instant()); // the engine gave up waiting and re-offers

        gw.service.onMessage(toBob("reply", "hi bob"));

        assertEquals(List.of("hello"), fromBob().stream().map(Message::getBody).toList());
        assertEquals(Optional.empty(), outcome(again));
    }

    @Test
    void withQuarantineHeldMessagesAreBoundedPerUserAndTheRestStaysWithWhatsApp() {
        gw.properties.put("plugin.whatsapp.firstcontact.quarantine", "true");
        for (int i = 0; i < FirstContactGate.MAX_HELD_PER_USER; i++) {
            assertFalse(receive("WA" + i, "spam " + i, gw.clock.instant()).isDone());
        }

        Handoff over = receive("WA-over", "one too many", gw.clock.instant());

        assertTrue(outcome(over).isPresent(), "failed at once: WhatsApp keeps it for a later connection");
        gw.service.onMessage(toBob("reply", "hi bob"));
        assertEquals(FirstContactGate.MAX_HELD_PER_USER, fromBob().size(), "every held one is delivered");
    }

    @Test
    void deliveryReceiptsBecomeXep0184AndMoveTheLedger() {
        gw.service.onMessage(toBob("m1", "hi"));
        String waId = account.sends().get(0).messageId();

        account.emit(new WaEvent.ReceiptReceived(new Receipt(Receipt.Type.DELIVERED, BOB_WA, Optional.empty(),
                List.of(waId), gw.clock.instant())));

        Message receipt = (Message) gw.openfire.sent.stream()
                .filter(p -> p instanceof Message && ((Message) p).getChildElement("received", "urn:xmpp:receipts") != null)
                .findFirst().orElseThrow();
        assertEquals("m1", receipt.getChildElement("received", "urn:xmpp:receipts").attributeValue("id"));
        assertEquals(MessageState.DELIVERED, gw.ledger.find("alice", Direction.OUT, BOB_WA, waId).orElseThrow().state());
    }

    @Test
    void anUndecryptableMessageBecomesANotice() {
        account.emit(new WaEvent.MessageUndecryptable("WA5", BOB_WA, Optional.empty(), gw.clock.instant()));

        assertTrue(fromBob().get(0).getBody().contains("could not be decrypted"));
    }

    @Test
    void theGatewayPresenceFollowsTheEngineState() {
        Presence online = lastGatewayPresence();
        assertEquals(null, online.getType(), "available after connect");

        account.moveTo(new EngineState(EngineState.Phase.BACKOFF, gw.clock.instant(),
                Optional.of(Instant.parse("2026-11-23T12:05:00Z")), Optional.of("server unavailable")));

        Presence backoff = lastGatewayPresence();
        assertEquals(Presence.Show.away, backoff.getShow());
        assertTrue(backoff.getStatus().contains("2026-11-23 12:05 UTC"), backoff.getStatus());
        assertTrue(backoff.getStatus().contains("server unavailable"), backoff.getStatus());

        account.moveTo(EngineState.Phase.DEVICE_REMOVED);
        assertEquals(Presence.Show.xa, lastGatewayPresence().getShow());
    }

    @Test
    void aProbeOfTheGatewayIsAnsweredWithTheSessionState() {
        gw.openfire.sent.clear();
        Presence probe = new Presence(Presence.Type.probe);
        probe.setFrom(GatewayFixture.ALICE);
        probe.setTo(new JID(GatewayFixture.GATEWAY));

        gw.service.onPresence(probe);

        Presence answer = lastGatewayPresence();
        assertEquals(null, answer.getType());
        assertEquals("Connected to WhatsApp", answer.getStatus());
    }

    @Test
    void unregisteringClosesTheSessionAndRemovesLedgerRowsAndGatewayContacts() {
        receive("WA1", "hello", gw.clock.instant());
        assertTrue(gw.roster.hasContact("alice", BOB));

        gw.service.unregistered("alice");

        assertEquals("disconnect", account.calls().get(account.calls().size() - 1));
        assertFalse(gw.roster.hasContact("alice", BOB));
        assertEquals(Optional.empty(), gw.ledger.find("alice", Direction.IN, BOB_WA, "WA1"));
        assertEquals(Optional.empty(), gw.service.session("alice"));
    }

    private Presence lastGatewayPresence() {
        Presence last = null;
        for (Object p : gw.openfire.sent) {
            if (p instanceof Presence && new JID(GatewayFixture.GATEWAY).equals(((Presence) p).getFrom())) {
                last = (Presence) p;
            }
        }
        return java.util.Objects.requireNonNull(last, "no gateway presence");
    }
}
