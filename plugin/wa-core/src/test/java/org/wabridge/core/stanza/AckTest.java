/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/** Server and client acks, literal nodes from whatsapp-protocol.md §5.5. */
class AckTest {
    private static final WaJid ALICE = WaJid.phone("491701234567");
    private static final WaJid ALICE_7 = ALICE.withDevice(7);

    @Test
    void serverAckOfSentMessage() throws Exception {
        // §5.5: <ack class="message" id=<same> from=… t=<unix seconds> [phash] [error] [server_id]/>
        Node node = Node.builder("ack").attr("class", "message").attr("id", "3EB0AA").attr("from", WaJid.SERVER)
                .attr("t", "1700000001").attr("phash", "2:abcd").build();
        ServerAck parsed = ServerAck.fromNode(node);
        assertEquals("message", parsed.ackClass());
        assertEquals(1_700_000_001L, parsed.t().getAsLong());
        assertEquals(Optional.of("2:abcd"), parsed.phash());
        assertFalse(parsed.isError());
        assertEquals(node, ServerAck.messageAccepted("3EB0AA", 1_700_000_001L).withPhash("2:abcd").toNode());
    }

    @Test
    void serverAckWithReachOutError() throws Exception {
        Node node = Node.builder("ack").attr("class", "message").attr("id", "3EB0AB").attr("from", WaJid.SERVER)
                .attr("t", "5").attr("error", "463").build();
        ServerAck parsed = ServerAck.fromNode(node);
        assertTrue(parsed.isError());
        assertEquals(Optional.of(AckError.REACH_OUT_LIMIT), parsed.knownError());
        assertFalse(AckError.REACH_OUT_LIMIT.isRetryable());
        assertEquals(node, ServerAck.messageRejected("3EB0AB", 5, AckError.REACH_OUT_LIMIT).toNode());
    }

    @Test
    void serverAckServerIdAndUnknownError() throws Exception {
        Node node = Node.builder("ack").attr("class", "message").attr("id", "x").attr("error", "999")
                .attr("server_id", "77").build();
        ServerAck parsed = ServerAck.fromNode(node);
        assertTrue(parsed.isError());
        assertEquals(Optional.empty(), parsed.knownError());
        assertEquals(Optional.of("77"), parsed.serverId());
        assertEquals(node, parsed.toNode());
    }

    @Test
    void zeroErrorIsSuccess() throws Exception {
        Node node = Node.builder("ack").attr("class", "message").attr("id", "x").attr("error", "0").build();
        assertFalse(ServerAck.fromNode(node).isError());
    }

    @Test
    void ackErrorTableMarksAssumptions() {
        assertEquals(Optional.of(AckError.RECIPIENT_NOT_OPTED_IN), AckError.fromCode(421));
        assertEquals(Optional.of(AckError.UNKNOWN_USER), AckError.fromCode(404));
        assertEquals(Optional.of(AckError.RATE_LIMITED), AckError.fromCode(429));
        assertTrue(AckError.RECIPIENT_NOT_OPTED_IN.isAssumption());
        assertTrue(AckError.UNKNOWN_USER.isAssumption());
        assertTrue(AckError.RATE_LIMITED.isAssumption());
        assertFalse(AckError.REACH_OUT_LIMIT.isAssumption());
        assertEquals(Optional.of(AckError.INVALID_PROTOBUF), AckError.fromCode(491));
    }

    @Test
    void clientAckCopiesIncomingMessage() throws Exception {
        // §5.5: <ack class=<incoming tag> id to=<incoming from> [participant] [recipient] [type]/>
        Node incoming = Node.builder("message").attr("id", "M1").attr("from", ALICE).attr("t", "9")
                .attr("type", "text").attr("recipient", ALICE_7).build();
        Node expected = Node.builder("ack").attr("class", "message").attr("id", "M1").attr("to", ALICE)
                .attr("recipient", ALICE_7).attr("type", "text").build();
        assertEquals(expected, ClientAck.forIncoming(incoming).toNode());
    }

    @Test
    void clientNackOfReceiptWithFrom() throws Exception {
        Node incoming = Node.builder("receipt").attr("id", "R1").attr("from", ALICE).attr("participant", ALICE_7)
                .attr("type", "read").build();
        WaJid own = WaJid.phone("4915112345678");
        Node expected = Node.builder("ack").attr("class", "receipt").attr("id", "R1").attr("to", ALICE)
                .attr("participant", ALICE_7).attr("type", "read").attr("from", own).attr("error", "491").build();
        ClientAck nack = ClientAck.nackFor(incoming, AckError.INVALID_PROTOBUF).withFrom(own);
        assertEquals(expected, nack.toNode());
        assertTrue(nack.isNack());
        assertEquals(nack, ClientAck.fromNode(expected));
    }

    @Test
    void clientAckParsesWhatsmeowShapeWithoutType() throws Exception {
        Node node = Node.builder("ack").attr("class", "notification").attr("id", "N1").attr("to", "s.whatsapp.net").build();
        ClientAck parsed = ClientAck.fromNode(node);
        assertEquals(WaJid.SERVER, parsed.to());
        assertEquals(Optional.empty(), parsed.type());
        assertEquals(OptionalInt.empty(), parsed.error());
    }

    @Test
    void malformedAcksAreTyped() {
        assertThrows(StanzaException.class, () -> ServerAck.fromNode(Node.builder("ack").attr("id", "x").build()));
        assertThrows(StanzaException.class, () -> ServerAck.fromNode(
                Node.builder("ack").attr("class", "message").attr("id", "x").attr("t", "later").build()));
        assertThrows(StanzaException.class, () -> ClientAck.fromNode(
                Node.builder("ack").attr("class", "message").attr("id", "x").build()));
        assertThrows(StanzaException.class, () -> ClientAck.forIncoming(Node.builder("message").attr("id", "x").build()));
        assertThrows(StanzaException.class, () -> ServerAck.fromNode(Node.of("receipt")));
    }

    @Test
    void acksSurviveTheBinaryCodec() throws Exception {
        ServerAck server = ServerAck.messageRejected("3EB0FF", 1_700_000_000L, AckError.RECIPIENT_NOT_OPTED_IN);
        assertEquals(server, ServerAck.fromNode(WireRoundTrip.viaWire(server.toNode())));
        ClientAck client = new ClientAck("message", "M2", ALICE_7, Optional.of(ALICE), Optional.empty(),
                Optional.of("text"), Optional.empty(), OptionalInt.empty());
        assertEquals(client, ClientAck.fromNode(WireRoundTrip.viaWire(client.toNode())));
    }
}
