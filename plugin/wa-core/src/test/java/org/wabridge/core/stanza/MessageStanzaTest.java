/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.signal.CiphertextKind;

/** The three {@code <message>} shapes, literal nodes from whatsapp-protocol.md §5.4, §5.6, §5.8, §9.2. */
class MessageStanzaTest {
    private static final WaJid BOB = WaJid.phone("491701234567");
    private static final WaJid BOB_0 = BOB.withDevice(0);
    private static final WaJid BOB_7 = BOB.withDevice(7);
    private static final WaJid ME = WaJid.interop("alice", 0, 1);
    private static final byte[] CT1 = {1, 2, 3};
    private static final byte[] CT2 = {4, 5};

    private static Node enc(String type, byte[] ct) {
        return Node.builder("enc").attr("v", "2").attr("type", type).bytes(ct).build();
    }

    @Test
    void outgoingFanOutForm() throws Exception {
        // §5.4: <message id type to><participants><to jid><enc v="2" type>ct</enc></to>…</participants>
        Node expected = Node.builder("message").attr("id", "3EB0AA").attr("type", "text").attr("to", BOB)
                .child(Node.builder("participants").children(
                        Node.builder("to").attr("jid", BOB_0).child(enc("pkmsg", CT1)).build(),
                        Node.builder("to").attr("jid", BOB_7).child(enc("msg", CT2)).build()).build())
                .child(Node.builder("device-identity").bytes(new byte[] {9}).build())
                .build();
        OutgoingMessage message = new OutgoingMessage("3EB0AA", "text", BOB, Optional.empty(), List.of(
                new OutgoingMessage.DeviceEnc(BOB_0, Enc.of(CiphertextKind.PKMSG, CT1)),
                new OutgoingMessage.DeviceEnc(BOB_7, Enc.of(CiphertextKind.MSG, CT2))), Optional.of(new byte[] {9}));
        assertEquals(expected, message.toNode());
        assertEquals(message, OutgoingMessage.fromNode(expected));
        assertFalse(RetryMessage.matches(expected));
    }

    @Test
    void outgoingEditWithMediaTypeAndHide() throws Exception {
        Node expected = Node.builder("message").attr("id", "E1").attr("type", "media").attr("to", BOB)
                .attr("edit", "1")
                .child(Node.builder("participants").child(Node.builder("to").attr("jid", BOB_0)
                        .child(Node.builder("enc").attr("v", "2").attr("type", "msg").attr("mediatype", "image")
                                .attr("decrypt-fail", "hide").bytes(CT1).build()).build()).build())
                .build();
        OutgoingMessage parsed = OutgoingMessage.fromNode(expected);
        Enc enc = parsed.participants().get(0).enc();
        assertEquals(Optional.of("image"), enc.mediaType());
        assertEquals(Optional.of("hide"), enc.decryptFail());
        assertEquals(Optional.of("1"), parsed.edit());
        assertEquals(expected, new OutgoingMessage("E1", "media", BOB, Optional.of("1"), List.of(
                new OutgoingMessage.DeviceEnc(BOB_0, Enc.of(CiphertextKind.MSG, CT1).withMediaType("image")
                        .hiddenOnDecryptFail())), Optional.empty()).toNode());
    }

    @Test
    void incomingSingleEncForm() throws Exception {
        // §5.6 / §9.2: the server delivers one <enc> per device with from, t, notify, participant, recipient
        Node node = Node.builder("message").attr("id", "3EB0AA").attr("from", ME).attr("t", "1700000000")
                .attr("type", "text").attr("notify", "Alice").attr("recipient", BOB_7).attr("offline", "0")
                .child(Node.builder("enc").attr("v", "2").attr("type", "pkmsg").attr("count", "1").bytes(CT1).build())
                .build();
        IncomingMessage parsed = IncomingMessage.fromNode(node);
        assertEquals(ME, parsed.from());
        assertEquals(1_700_000_000L, parsed.t());
        assertEquals(Optional.of("Alice"), parsed.pushName());
        assertEquals(Optional.of(BOB_7), parsed.recipient());
        assertTrue(parsed.offline());
        assertEquals(1, parsed.encs().size());
        assertEquals(Optional.of(CiphertextKind.PKMSG), parsed.encs().get(0).kind());
        assertEquals(OptionalInt.of(1), parsed.encs().get(0).count());
        assertArrayEquals(CT1, parsed.encs().get(0).ciphertext());
    }

    @Test
    void incomingBuildsLiteralNode() {
        Node expected = Node.builder("message").attr("id", "X").attr("from", ME).attr("t", "7").attr("type", "text")
                .attr("participant", ME.withDevice(3)).attr("edit", "7").attr("offline", "1")
                .child(enc("msg", CT2)).build();
        IncomingMessage message = new IncomingMessage("X", ME, 7, "text", Optional.empty(),
                Optional.of(ME.withDevice(3)), Optional.empty(), Optional.of("7"), true,
                List.of(Enc.of(CiphertextKind.MSG, CT2)), Optional.empty());
        assertEquals(expected, message.toNode());
    }

    @Test
    void incomingKeepsUnknownEncKinds() throws Exception {
        Node node = Node.builder("message").attr("id", "X").attr("from", ME).attr("t", "7").attr("type", "text")
                .child(enc("msmsg", CT1)).build();
        IncomingMessage parsed = IncomingMessage.fromNode(node);
        assertEquals("msmsg", parsed.encs().get(0).type());
        assertEquals(Optional.empty(), parsed.encs().get(0).kind());
        assertFalse(parsed.offline());
    }

    @Test
    void retryResendForm() throws Exception {
        // §5.8: <message id to type t device_fanout="false"><enc v="2" type count>…</enc></message>
        Node expected = Node.builder("message").attr("id", "3EB0AA").attr("to", BOB_7).attr("type", "text")
                .attr("t", "1700000000").attr("device_fanout", "false")
                .child(Node.builder("enc").attr("v", "2").attr("type", "pkmsg").attr("count", "2").bytes(CT1).build())
                .build();
        RetryMessage retry = new RetryMessage("3EB0AA", BOB_7, "text", OptionalLong.of(1_700_000_000L),
                Optional.empty(), Optional.empty(), Optional.empty(), Enc.of(CiphertextKind.PKMSG, CT1).withCount(2),
                Optional.empty());
        assertEquals(expected, retry.toNode());
        assertTrue(RetryMessage.matches(expected));
        assertEquals(retry, RetryMessage.fromNode(expected));
    }

    @Test
    void malformedMessagesAreTyped() {
        Node noParticipants = Node.builder("message").attr("id", "a").attr("type", "text").attr("to", BOB).build();
        assertThrows(StanzaException.class, () -> OutgoingMessage.fromNode(noParticipants));
        Node emptyParticipants = noParticipants.toBuilder().child(Node.of("participants")).build();
        assertThrows(StanzaException.class, () -> OutgoingMessage.fromNode(emptyParticipants));
        Node toWithoutJid = noParticipants.toBuilder()
                .child(Node.builder("participants").child(Node.builder("to").child(enc("msg", CT1)).build()).build())
                .build();
        assertThrows(StanzaException.class, () -> OutgoingMessage.fromNode(toWithoutJid));
        Node encWithoutV = Node.builder("enc").attr("type", "msg").bytes(CT1).build();
        StanzaException e = assertThrows(StanzaException.class, () -> Enc.fromNode(encWithoutV));
        assertEquals("enc", e.tag());
        assertThrows(StanzaException.class, () -> Enc.fromNode(Node.builder("enc").attr("v", "2").attr("type", "msg").build()));
        assertThrows(StanzaException.class, () -> IncomingMessage.fromNode(
                Node.builder("message").attr("id", "a").attr("from", BOB).attr("type", "text").build()));
        assertThrows(StanzaException.class, () -> IncomingMessage.fromNode(
                Node.builder("message").attr("id", "a").attr("from", "a@b@c").attr("t", "1").attr("type", "t").build()));
        Node retryNoCount = Node.builder("message").attr("id", "a").attr("to", BOB_7).attr("type", "text")
                .attr("device_fanout", "false").child(enc("msg", CT1)).build();
        assertThrows(StanzaException.class, () -> RetryMessage.fromNode(retryNoCount));
        assertThrows(StanzaException.class, () -> RetryMessage.fromNode(noParticipants));
    }

    @Test
    void messagesSurviveTheBinaryCodec() throws Exception {
        OutgoingMessage out = new OutgoingMessage("3EB0AA", "text", BOB, Optional.empty(),
                List.of(new OutgoingMessage.DeviceEnc(BOB_7, Enc.of(CiphertextKind.MSG, CT2))), Optional.empty());
        assertEquals(out, OutgoingMessage.fromNode(WireRoundTrip.viaWire(out.toNode())));
        IncomingMessage in = new IncomingMessage("Y", ME, 9, "media", Optional.of("A"), Optional.empty(),
                Optional.of(BOB_7), Optional.empty(), false,
                List.of(Enc.of(CiphertextKind.SKMSG, CT1).withMediaType("image")), Optional.of(new byte[] {1}));
        assertEquals(in, IncomingMessage.fromNode(WireRoundTrip.viaWire(in.toNode())));
    }
}
