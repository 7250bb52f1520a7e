/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wabridge.core.message.TextContent;

/** The value types of the gateway port: handoff semantics and secret-free printing. */
class GatewayPortTest {

    @Test
    void handoffFirstAnswerWinsAndEngineSeesIt() throws Exception {
        Handoff handoff = new Handoff();
        assertFalse(handoff.isDone());
        handoff.failed("database unavailable");
        handoff.delivered(); // too late: ignored
        assertTrue(handoff.isDone());
        assertEquals(Optional.of("database unavailable"),
                handoff.outcome().toCompletableFuture().get(1, TimeUnit.SECONDS));
    }

    @Test
    void engineCannotCompleteTheHandoffThroughItsView() throws Exception {
        Handoff handoff = new Handoff();
        handoff.outcome().toCompletableFuture().complete(Optional.of("forged"));
        assertFalse(handoff.isDone());
        handoff.delivered();
        assertEquals(Optional.empty(), handoff.outcome().toCompletableFuture().get(1, TimeUnit.SECONDS));
    }

    @Test
    void receivedMessageNeverPrintsItsBody() {
        WaEvent.MessageReceived event = new WaEvent.MessageReceived("3EB0ABC", "4915112345678@s.whatsapp.net",
                Optional.empty(), Instant.EPOCH, TextContent.of("meet me at 7"), new Handoff());
        assertFalse(event.toString().contains("meet me"));
        assertFalse(event.toString().contains("4915112345678"));
        assertTrue(event.toString().contains("TextContent"));
    }

    @Test
    void sendResultsAreTypedAndCarryNoSilentSuccess() {
        SendResult ok = new SendResult.Accepted("id1", Instant.EPOCH);
        SendResult no = new SendResult.Rejected(SendResult.Reason.NOT_OPTED_IN, "recipient has not enabled third-party chats");
        assertTrue(ok instanceof SendResult.Accepted);
        assertEquals(SendResult.Reason.NOT_OPTED_IN, ((SendResult.Rejected) no).reason());
        assertThrows(NullPointerException.class, () -> new SendResult.Rejected(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new ConnectRequest(" "));
    }
}
