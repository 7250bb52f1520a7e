/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wabridge.core.client.Handoff;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.message.TextContent;
import org.wabridge.openfire.component.ContactFeatures;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

/**
 * Removal works both ways: a contact the user removes in the client is confirmed (unsubscribed, unavailable)
 * and shows no more presence; the gateway's remove command takes it out of the roster. Either way the
 * conversation stays: a later message still arrives, and the contact is not put back without the user.
 */
class RosterRemovalTest {

    private final GatewayFixture gw = new GatewayFixture();

    @BeforeEach
    void aliceOnlineWithBobInTheRoster() throws Exception {
        gw.service.director().clientOnline(GatewayFixture.ALICE, "192.0.2.7");
        receive("WA1", "hello, first time"); // first contact: notice and roster entry
        assertTrue(gw.roster.hasContact("alice", GatewayFixture.BOB));
        gw.openfire.sent.clear();
    }

    @AfterEach
    void stop() {
        gw.shutdown();
    }

    private void receive(String id, String body) {
        gw.account("alice").emit(new WaEvent.MessageReceived(id, GatewayFixture.BOB_WA, Optional.empty(),
                gw.clock.instant(), TextContent.of(body), new Handoff()));
    }

    private List<Presence> presencesFromBob() {
        return gw.openfire.sent.stream().filter(p -> p instanceof Presence)
                .map(p -> (Presence) p).filter(p -> GatewayFixture.BOB.equals(p.getFrom()))
                .collect(Collectors.toList());
    }

    private void bobComesOnline() {
        gw.account("alice").emit(new WaEvent.PresenceChanged(GatewayFixture.BOB_WA, true, Optional.empty()));
    }

    @Test
    void aContactRemovedInTheClientIsConfirmedAndShowsNoMorePresence() throws Exception {
        bobComesOnline();
        assertEquals(1, presencesFromBob().size(), "in the roster: presence is shown");
        assertEquals(ContactFeatures.caps().ver(), presencesFromBob().get(0)
                .getChildElement("c", "http://jabber.org/protocol/caps").attributeValue("ver"),
                "with the caps of what the gateway converts");
        gw.openfire.sent.clear();

        // what Openfire sends the contact when the user deletes the roster item
        Presence unsubscribe = new Presence(Presence.Type.unsubscribe);
        unsubscribe.setFrom(GatewayFixture.ALICE.asBareJID());
        unsubscribe.setTo(GatewayFixture.BOB);
        gw.service.onPresence(unsubscribe);
        gw.roster.removeContact("alice", GatewayFixture.BOB);

        assertEquals(List.of(Presence.Type.unsubscribed, Presence.Type.unavailable),
                presencesFromBob().stream().map(Presence::getType).collect(Collectors.toList()));
        gw.openfire.sent.clear();
        bobComesOnline();
        assertEquals(List.of(), presencesFromBob(), "no presence from a removed contact");
    }

    @Test
    void theRemoveCommandTakesTheContactOutAndALaterMessageStillArrivesWithoutPuttingItBack() throws Exception {
        gw.service.removeContact("alice", "+491701234567");
        assertFalse(gw.roster.hasContact("alice", GatewayFixture.BOB));

        receive("WA2", "are you still there?");
        List<String> bodies = gw.openfire.messagesTo("alice").stream().filter(m -> GatewayFixture.BOB.equals(
                m.getFrom())).map(Message::getBody).collect(Collectors.toList());
        assertEquals(List.of("hello, first time", "are you still there?"), bodies);
        assertFalse(gw.roster.hasContact("alice", GatewayFixture.BOB), "not put back without the user");
    }
}
