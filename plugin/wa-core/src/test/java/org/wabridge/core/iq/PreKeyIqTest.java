/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wabridge.core.iq.TestKeys.bytes;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.signal.PreKeyBundle;
import org.wabridge.core.stanza.StanzaException;
import org.wabridge.core.stanza.WireRoundTrip;

/** The {@code encrypt} IQs, literal nodes written from whatsapp-protocol.md §5.1 and §5.3. */
class PreKeyIqTest {
    private static final WaJid BOB_0 = WaJid.phone("491701234567");
    private static final WaJid BOB_7 = BOB_0.withDevice(7);

    private static Node.Builder request(String id, String type) {
        return Node.builder("iq").attr("id", id).attr("xmlns", "encrypt").attr("type", type).attr("to", WaJid.SERVER);
    }

    private static Node.Builder result(String id) {
        return Node.builder("iq").attr("id", id).attr("type", "result").attr("from", WaJid.SERVER);
    }

    @Test
    void countRequestAndResult() throws Exception {
        // §5.1: <iq xmlns="encrypt" type="get" to="s.whatsapp.net"><count/></iq> → <count value="N"/>
        Node expected = request("c1", "get").child(Node.of("count")).build();
        assertEquals(expected, PreKeyCountIq.INSTANCE.toRequest("c1"));
        assertTrue(PreKeyCountIq.matches(expected));
        assertEquals(PreKeyCountIq.INSTANCE, PreKeyCountIq.fromRequest(expected));
        Node answer = result("c1").child(Node.builder("count").attr("value", "3").build()).build();
        assertEquals(answer, PreKeyCountIq.INSTANCE.toResult("c1", 3));
        assertEquals(3, PreKeyCountIq.INSTANCE.parseResponse(WireRoundTrip.viaWire(answer)));
    }

    @Test
    void countMalformed() {
        assertThrows(StanzaException.class, () -> PreKeyCountIq.INSTANCE.parseResponse(result("c").build()));
        assertThrows(StanzaException.class, () -> PreKeyCountIq.INSTANCE.parseResponse(
                result("c").child(Node.builder("count").attr("value", "-1").build()).build()));
        assertThrows(StanzaException.class, () -> PreKeyCountIq.fromRequest(request("c", "get").build()));
    }

    @Test
    void uploadIsLiteral() throws Exception {
        // §5.3: registration (4 B), type 0x05, identity (32 B), list of <key><id 3 B><value 32 B>, skey
        Node expected = request("u1", "set").children(bytes("registration", TestKeys.REGISTRATION_BYTES),
                TestKeys.typeNode(), bytes("identity", TestKeys.IDENTITY),
                Node.builder("list").child(TestKeys.keyNode()).build(), TestKeys.skeyNode()).build();
        PreKeyUploadIq upload = new PreKeyUploadIq(TestKeys.REGISTRATION, TestKeys.IDENTITY, List.of(TestKeys.ONE_TIME),
                TestKeys.SIGNED_PRE_KEY);
        assertEquals(expected, upload.toRequest("u1"));
        assertTrue(PreKeyUploadIq.matches(expected));
        assertEquals(upload, PreKeyUploadIq.fromRequest(expected));
        assertEquals(upload, PreKeyUploadIq.fromRequest(WireRoundTrip.viaWire(expected)));
    }

    @Test
    void uploadMalformedPiecesAreTyped() {
        Node good = new PreKeyUploadIq(TestKeys.REGISTRATION, TestKeys.IDENTITY, List.of(TestKeys.ONE_TIME),
                TestKeys.SIGNED_PRE_KEY).toRequest("u");
        StanzaException shortIdentity = assertThrows(StanzaException.class, () -> PreKeyUploadIq.fromRequest(
                replace(good, bytes("identity", new byte[33]))));
        assertEquals("identity", shortIdentity.tag());
        StanzaException badType = assertThrows(StanzaException.class, () -> PreKeyUploadIq.fromRequest(
                replace(good, bytes("type", new byte[] {6}))));
        assertEquals("type", badType.tag());
        StanzaException shortReg = assertThrows(StanzaException.class, () -> PreKeyUploadIq.fromRequest(
                replace(good, bytes("registration", new byte[] {1, 2, 3}))));
        assertEquals("registration", shortReg.tag());
        Node badKeyId = Node.builder("list").child(Node.builder("key").children(bytes("id", new byte[] {1, 2}),
                bytes("value", TestKeys.PREKEY)).build()).build();
        assertEquals("id", assertThrows(StanzaException.class,
                () -> PreKeyUploadIq.fromRequest(replace(good, badKeyId))).tag());
        Node zeroKeyId = Node.builder("list").child(Node.builder("key").children(bytes("id", new byte[3]),
                bytes("value", TestKeys.PREKEY)).build()).build();
        assertEquals("key", assertThrows(StanzaException.class,
                () -> PreKeyUploadIq.fromRequest(replace(good, zeroKeyId))).tag());
        Node shortSignature = Node.builder("skey").children(bytes("id", new byte[] {0, 0, 7}),
                bytes("value", TestKeys.SIGNED), bytes("signature", new byte[63])).build();
        assertEquals("signature", assertThrows(StanzaException.class,
                () -> PreKeyUploadIq.fromRequest(replace(good, shortSignature))).tag());
        assertThrows(StanzaException.class, () -> PreKeyUploadIq.fromRequest(request("u", "set").build()));
    }

    @Test
    void rotateIsLiteral() throws Exception {
        // §5.3 (Baileys): <iq xmlns="encrypt" type="set"><rotate><skey>…</skey></rotate></iq>
        Node expected = request("r1", "set").child(Node.builder("rotate").child(TestKeys.skeyNode()).build()).build();
        SignedPreKeyRotateIq rotate = new SignedPreKeyRotateIq(TestKeys.SIGNED_PRE_KEY);
        assertEquals(expected, rotate.toRequest("r1"));
        assertTrue(SignedPreKeyRotateIq.matches(expected));
        assertFalse(PreKeyUploadIq.matches(expected));
        assertEquals(rotate, SignedPreKeyRotateIq.fromRequest(expected));
        assertThrows(StanzaException.class, () -> SignedPreKeyRotateIq.fromRequest(
                request("r", "set").child(Node.of("rotate")).build()));
    }

    @Test
    void fetchRequestIsLiteral() throws Exception {
        // §5.3: <key><user jid="…:0@s.whatsapp.net" reason="identity"/>…</key>
        Node expected = request("f1", "get").child(Node.builder("key").children(
                Node.builder("user").attr("jid", BOB_0).attr("reason", "identity").build(),
                Node.builder("user").attr("jid", BOB_7).attr("reason", "identity").build()).build()).build();
        PreKeyFetchIq fetch = new PreKeyFetchIq(List.of(BOB_0, BOB_7), Optional.of(PreKeyFetchIq.REASON_IDENTITY));
        assertEquals(expected, fetch.toRequest("f1"));
        assertTrue(PreKeyFetchIq.matches(expected));
        assertEquals(fetch, PreKeyFetchIq.fromRequest(expected));
        assertThrows(StanzaException.class, () -> PreKeyFetchIq.fromRequest(
                request("f", "get").child(Node.of("key")).build()));
    }

    @Test
    void fetchResultWithBundleWithoutOneTimeKeyAndError() throws Exception {
        // §5.3: <list><user jid><registration/><type/><identity/><skey/>[<key/>]</user><user jid><error/></user>
        Node answer = result("f1").child(Node.builder("list").children(
                Node.builder("user").attr("jid", BOB_0).children(bytes("registration", TestKeys.REGISTRATION_BYTES),
                        TestKeys.typeNode(), bytes("identity", TestKeys.IDENTITY), TestKeys.skeyNode(),
                        TestKeys.keyNode()).build(),
                Node.builder("user").attr("jid", BOB_7).children(bytes("registration", TestKeys.REGISTRATION_BYTES),
                        TestKeys.typeNode(), bytes("identity", TestKeys.IDENTITY), TestKeys.skeyNode()).build(),
                Node.builder("user").attr("jid", WaJid.phone("1")).child(Node.builder("error").attr("code", "404")
                        .attr("text", "item-not-found").build()).build()).build()).build();
        PreKeyFetchIq fetch = PreKeyFetchIq.of(List.of(BOB_0, BOB_7, WaJid.phone("1")));
        List<PreKeyFetchIq.UserBundle> users = fetch.parseResponse(WireRoundTrip.viaWire(answer));
        assertEquals(3, users.size());
        KeyBundle full = users.get(0).bundle().orElseThrow();
        assertEquals(TestKeys.REGISTRATION, full.registrationId());
        assertEquals(Optional.of(TestKeys.ONE_TIME), full.oneTimePreKey());
        assertEquals(Optional.empty(), users.get(1).bundle().orElseThrow().oneTimePreKey());
        assertEquals(Optional.of(IqError.NOT_FOUND), users.get(2).error());
        assertEquals(answer, fetch.toResult("f1", users));
    }

    @Test
    void fetchResultAcceptsKeysWrapper() throws Exception {
        // §5.3: whatsmeow accepts the retry-receipt <keys> wrapper in fetch responses too
        Node answer = result("f2").child(Node.builder("list").child(Node.builder("user").attr("jid", BOB_7)
                .children(bytes("registration", TestKeys.REGISTRATION_BYTES), Node.builder("keys").children(
                        TestKeys.typeNode(), bytes("identity", TestKeys.IDENTITY), TestKeys.keyNode(),
                        TestKeys.skeyNode(), bytes("device-identity", new byte[] {9, 9})).build()).build()).build())
                .build();
        KeyBundle bundle = PreKeyFetchIq.of(List.of(BOB_7)).parseResponse(answer).get(0).bundle().orElseThrow();
        assertArrayEquals(new byte[] {9, 9}, bundle.deviceIdentity().orElseThrow());
        PreKeyBundle signal = bundle.toPreKeyBundle(7);
        assertEquals(7, signal.deviceId());
        assertEquals(TestKeys.REGISTRATION, signal.registrationId());
        assertArrayEquals(TestKeys.IDENTITY, signal.identityKey());
        assertEquals(TestKeys.SIGNED_PRE_KEY, signal.signedPreKey());
        assertEquals(Optional.of(TestKeys.ONE_TIME), signal.oneTimePreKey());
        assertEquals(bundle, KeyBundle.from(signal, bundle.deviceIdentity()));
    }

    @Test
    void highRegistrationIdKeepsAllBits() throws Exception {
        Node reg = KeyNodes.registration(0xF0000001);
        assertArrayEquals(new byte[] {(byte) 0xF0, 0, 0, 1}, reg.contentBytes());
        assertEquals(0xF0000001, KeyNodes.parseRegistration(reg));
    }

    @Test
    void fetchErrorAnswerIsTyped() {
        Node refused = Iqs.error("f3", IqError.RATE_LIMITED);
        IqErrorException e = assertThrows(IqErrorException.class,
                () -> PreKeyFetchIq.of(List.of(BOB_0)).parseResponse(refused));
        assertEquals(429, e.code());
    }

    private static Node replace(Node iq, Node child) {
        Node.Builder b = Node.builder("iq");
        iq.attributes().forEach((k, v) -> b.attr(k, v.toString()));
        for (Node c : iq.children()) {
            b.child(c.tag().equals(child.tag()) ? child : c);
        }
        return b.build();
    }
}
