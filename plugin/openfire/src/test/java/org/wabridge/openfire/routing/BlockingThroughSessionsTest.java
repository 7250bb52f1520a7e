/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wabridge.core.client.Handoff;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.TextContent;
import org.wabridge.openfire.blocking.BlockList;
import org.wabridge.openfire.commands.AccountControlException;
import org.wabridge.openfire.commands.SessionAccountControl;
import org.xmpp.packet.Message;

/**
 * Blocks reach WhatsApp through the user's session when it is online; made while it is not, they are applied
 * when it next comes online, where the gateway's list wins over WhatsApp's. A blocked number's messages, typing
 * and presence do not reach the user, and its messages are confirmed so WhatsApp does not offer them again.
 */
class BlockingThroughSessionsTest {

    private static final String BOB_NUMBER = "+491701234567";
    private static final String CAROL_WA = "447700900123@s.whatsapp.net";

    private final GatewayFixture gw = new GatewayFixture();
    private final SessionAccountControl control = new SessionAccountControl(() -> {
        throw new AssertionError("not used");
    }, () -> Optional.of(gw.service));
    private final BlockList blockList = new BlockList(gw.blocks, control, gw.clock);

    @AfterEach
    void stop() {
        gw.shutdown();
    }

    private void aliceComesOnline() {
        gw.service.director().clientOnline(GatewayFixture.ALICE, "192.0.2.7");
    }

    @Test
    void aBlockWhileOnlineGoesToWhatsAppAtOnceAndAnUnblockLiftsIt() throws Exception {
        aliceComesOnline();
        assertEquals(BlockList.Outcome.APPLIED, blockList.block("alice", BOB_NUMBER));
        assertEquals(Set.of(GatewayFixture.BOB_WA), gw.account("alice").serverBlockList());

        assertEquals(BlockList.Outcome.APPLIED, blockList.unblock("alice", BOB_NUMBER));
        assertEquals(Set.of(), gw.account("alice").serverBlockList());
    }

    @Test
    void changesMadeWhileOfflineAreAppliedWhenTheSessionComesOnlineAndTheGatewaysListWins() throws Exception {
        assertEquals(BlockList.Outcome.PENDING, blockList.block("alice", BOB_NUMBER));
        aliceComesOnline();
        // carol was blocked on WhatsApp but is not on the gateway's list (unblocked while away): lifted
        gw.account("alice").blockedOnServer(CAROL_WA);
        gw.account("alice").emit(new WaEvent.StateChanged(gw.account("alice").state()));

        assertEquals(Set.of(GatewayFixture.BOB_WA), gw.account("alice").serverBlockList());
    }

    @Test
    void aBlockedNumbersMessageIsConfirmedButNotDeliveredAndItsTypingIsDropped() throws Exception {
        aliceComesOnline();
        blockList.block("alice", BOB_NUMBER);
        Handoff handoff = new Handoff();
        gw.account("alice").emit(new WaEvent.MessageReceived("WA-B1", GatewayFixture.BOB_WA, Optional.empty(),
                gw.clock.instant(), TextContent.of("you blocked me"), handoff));
        gw.account("alice").emit(new WaEvent.ChatStateChanged(new ChatState(GatewayFixture.BOB_WA, Optional.empty(),
                ChatState.State.COMPOSING, false)));

        assertEquals(Optional.empty(), handoff.outcome().toCompletableFuture().getNow(Optional.of("unanswered")),
                "confirmed, so WhatsApp does not redeliver it");
        assertTrue(gw.openfire.messagesTo("alice").stream().map(Message::getFrom)
                .noneMatch(GatewayFixture.BOB::equals), "nothing from the blocked number reached alice");
    }

    @Test
    void anUnmappableNumberIsRefusedAsUnknown() {
        aliceComesOnline();
        assertEquals(AccountControlException.Reason.UNKNOWN_NUMBER,
                assertThrows(AccountControlException.class, () -> control.block("alice", "not-a-number")).reason());
    }
}
