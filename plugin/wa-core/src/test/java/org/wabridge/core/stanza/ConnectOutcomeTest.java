/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/** Connect outcomes, literal nodes written from whatsapp-protocol.md §5.12. */
class ConnectOutcomeTest {
    private static final WaJid LID = WaJid.lid("123456789012345");

    @Test
    void successBuildsLiteralNode() {
        // §5.12: <success t=<unix s> lid=<own LID>/>
        Node expected = Node.builder("success").attr("t", "1700000000").attr("lid", LID).build();
        assertEquals(expected, ConnectSuccess.of(1_700_000_000L, LID).toNode());
    }

    @Test
    void successParsesAndKeepsUnknownAttributes() throws Exception {
        Node node = Node.builder("success").attr("t", "1700000000").attr("lid", "123456789012345@lid")
                .attr("props", "42").build();
        ConnectSuccess parsed = (ConnectSuccess) ConnectOutcome.fromNode(node);
        assertEquals(1_700_000_000L, parsed.t());
        assertEquals(Optional.of(LID), parsed.lid());
        assertEquals(Map.of("props", "42"), parsed.otherAttributes());
    }

    @Test
    void successWithoutTimeIsTypedError() {
        StanzaException e = assertThrows(StanzaException.class, () -> ConnectSuccess.fromNode(Node.of("success")));
        assertEquals("success", e.tag());
        assertTrue(e.getMessage().contains("'t'"), e.getMessage());
    }

    @Test
    void tempBanCarriesCodeAndExpiry() throws Exception {
        // §5.12: 402 temporary ban with code and expire seconds
        Node expected = Node.builder("failure").attr("reason", "402").attr("code", "101").attr("expire", "3600").build();
        ConnectFailure ban = ConnectFailure.tempBanned("101", 3600);
        assertEquals(expected, ban.toNode());
        ConnectFailure parsed = ConnectFailure.fromNode(expected);
        assertEquals(FailureReason.TEMP_BANNED, parsed.reason());
        assertEquals(FailureReason.Action.WAIT_UNTIL_EXPIRY, parsed.reason().action());
        assertEquals(OptionalLong.of(3600), parsed.expireSeconds());
        assertEquals(Optional.of("101"), parsed.code());
    }

    @Test
    void everyDocumentedReasonCodeIsKnown() throws Exception {
        int[] documented = {401, 402, 403, 405, 406, 409, 413, 414, 415, 418, 500, 501, 503};
        for (int code : documented) {
            Node node = Node.builder("failure").attr("reason", Integer.toString(code)).build();
            ConnectFailure parsed = (ConnectFailure) ConnectOutcome.fromNode(node);
            assertEquals(code, parsed.reason().code(), "reason " + code);
            assertFalse(parsed.reason().isAssumption(), "reason " + code);
        }
    }

    @Test
    void tokenFailuresAskForNewToken() throws Exception {
        assertEquals(FailureReason.Action.NEW_TOKEN, FailureReason.fromCode(413).action());
        assertEquals(FailureReason.Action.NEW_TOKEN, FailureReason.fromCode(414).action());
        assertEquals(FailureReason.Action.RECONNECT, FailureReason.fromCode(503).action());
        assertEquals(FailureReason.Action.STOP, FailureReason.fromCode(401).action());
    }

    @Test
    void unknownProviderIsOurAssumption() throws Exception {
        Node node = Node.builder("failure").attr("reason", "416").attr("message", "unknown provider").build();
        ConnectFailure parsed = ConnectFailure.fromNode(node);
        assertEquals(FailureReason.UNKNOWN_PROVIDER, parsed.reason());
        assertTrue(parsed.reason().isAssumption());
        assertEquals(node, ConnectFailure.of(FailureReason.UNKNOWN_PROVIDER).withMessage("unknown provider").toNode());
    }

    @Test
    void unknownCodeIsPreserved() throws Exception {
        Node node = Node.builder("failure").attr("reason", "777").attr("location", "frc").build();
        ConnectFailure parsed = ConnectFailure.fromNode(node);
        assertEquals(FailureReason.UNKNOWN, parsed.reason());
        assertEquals(777, parsed.reasonCode());
        assertEquals(node, parsed.toNode());
    }

    @Test
    void malformedFailuresAreTyped() {
        assertThrows(StanzaException.class, () -> ConnectFailure.fromNode(Node.of("failure")));
        assertThrows(StanzaException.class,
                () -> ConnectFailure.fromNode(Node.builder("failure").attr("reason", "four").build()));
        assertThrows(StanzaException.class, () -> ConnectFailure.fromNode(
                Node.builder("failure").attr("reason", "402").attr("expire", "soon").build()));
        assertThrows(StanzaException.class, () -> ConnectOutcome.fromNode(Node.of("iq")));
    }

    @Test
    void outcomesSurviveTheBinaryCodec() throws Exception {
        ConnectOutcome success = ConnectSuccess.of(1_700_000_000L, LID);
        ConnectOutcome failure = ConnectFailure.tempBanned("101", 60).withMessage("slow down");
        assertEquals(success, ConnectOutcome.fromNode(WireRoundTrip.viaWire(success.toNode())));
        assertEquals(failure, ConnectOutcome.fromNode(WireRoundTrip.viaWire(failure.toNode())));
        assertInstanceOf(ConnectFailure.class, ConnectOutcome.fromNode(WireRoundTrip.viaWire(failure.toNode())));
    }
}
