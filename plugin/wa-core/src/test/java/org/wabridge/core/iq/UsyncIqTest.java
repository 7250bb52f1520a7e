/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.StanzaException;
import org.wabridge.core.stanza.WireRoundTrip;

/** The {@code usync} IQs, literal nodes written from whatsapp-protocol.md §5.2. */
class UsyncIqTest {
    private static final WaJid BOB = WaJid.phone("491701234567");
    private static final WaJid CAROL = WaJid.phone("491709999999");
    private static final WaJid BOB_LID = WaJid.lid("123456789012345");

    private static Node.Builder usyncHeader(String context) {
        return Node.builder("usync").attr("sid", "s1").attr("mode", "query").attr("last", "true").attr("index", "0")
                .attr("context", context);
    }

    private static Node.Builder iq() {
        return Node.builder("iq").attr("id", "q1").attr("xmlns", "usync").attr("type", "get").attr("to", WaJid.SERVER);
    }

    private static Node.Builder result() {
        return Node.builder("iq").attr("id", "q1").attr("type", "result").attr("from", WaJid.SERVER);
    }

    @Test
    void devicesRequestIsLiteral() throws Exception {
        Node expected = iq().child(usyncHeader("message").children(
                Node.builder("query").child(Node.builder("devices").attr("version", "2").build()).build(),
                Node.builder("list").children(Node.builder("user").attr("jid", BOB).build(),
                        Node.builder("user").attr("jid", CAROL).build()).build()).build()).build();
        UsyncDevicesIq spec = UsyncDevicesIq.of("s1", List.of(BOB, CAROL));
        assertEquals(expected, spec.toRequest("q1"));
        assertTrue(UsyncDevicesIq.matches(expected));
        assertFalse(UsyncContactIq.matches(expected));
        assertEquals(spec, UsyncDevicesIq.fromRequest(WireRoundTrip.viaWire(expected)));
    }

    @Test
    void devicesResultWithKeyIndexHostedLidAndError() throws Exception {
        // §5.2: <user jid><devices><device-list><device id="0"/><device id="7" key-index="1"/>
        //        <device id="99" is_hosted="true"/></device-list><key-index-list ts>bytes</key-index-list></devices>
        Node answer = result().child(Node.builder("usync").attr("sid", "s1").child(Node.builder("list").children(
                Node.builder("user").attr("jid", BOB).children(Node.builder("devices").children(
                        Node.builder("device-list").children(Node.builder("device").attr("id", "0").build(),
                                Node.builder("device").attr("id", "7").attr("key-index", "1").build(),
                                Node.builder("device").attr("id", "99").attr("is_hosted", "true").build()).build(),
                        Node.builder("key-index-list").attr("ts", "1700000000").bytes(new byte[] {1, 2}).build())
                        .build(), Node.builder("lid").attr("val", BOB_LID).build()).build(),
                Node.builder("user").attr("jid", CAROL).child(Node.builder("devices").child(Node.builder("error")
                        .attr("code", "404").attr("text", "item-not-found").build()).build()).build()).build())
                .build()).build();
        UsyncDevicesIq spec = UsyncDevicesIq.of("s1", List.of(BOB, CAROL));
        List<UserDevices> users = spec.parseResponse(WireRoundTrip.viaWire(answer));
        UserDevices bob = users.get(0);
        assertEquals(List.of(UserDevices.Device.primary(), UserDevices.Device.companion(7, 1),
                new UserDevices.Device(99, OptionalInt.empty(), true)), bob.devices());
        assertEquals(List.of(BOB, BOB.withDevice(7), BOB.withDevice(99)), bob.deviceJids());
        assertEquals(1_700_000_000L, bob.keyIndexList().orElseThrow().ts());
        assertArrayEquals(new byte[] {1, 2}, bob.keyIndexList().orElseThrow().signedList());
        assertEquals(Optional.of(BOB_LID), bob.lid());
        assertEquals(Optional.of(IqError.NOT_FOUND), users.get(1).error());
        assertEquals(answer, spec.toResult("q1", users));
    }

    @Test
    void devicesMalformed() {
        UsyncDevicesIq spec = UsyncDevicesIq.of("s1", List.of(BOB));
        Node noDeviceList = result().child(Node.builder("usync").child(Node.builder("list").child(
                Node.builder("user").attr("jid", BOB).child(Node.of("devices")).build()).build()).build()).build();
        assertEquals("devices", assertThrows(StanzaException.class, () -> spec.parseResponse(noDeviceList)).tag());
        Node badId = result().child(Node.builder("usync").child(Node.builder("list").child(
                Node.builder("user").attr("jid", BOB).child(Node.builder("devices").child(Node.builder("device-list")
                        .child(Node.builder("device").attr("id", "70000").build()).build()).build()).build()).build())
                .build()).build();
        assertEquals("device", assertThrows(StanzaException.class, () -> spec.parseResponse(badId)).tag());
        assertThrows(StanzaException.class, () -> spec.parseResponse(result().build()));
        assertThrows(StanzaException.class, () -> UsyncDevicesIq.fromRequest(iq().child(usyncHeader("message")
                .children(Node.builder("query").child(Node.of("devices")).build(), Node.of("list")).build()).build()));
    }

    @Test
    void contactLookupIsLiteral() throws Exception {
        // §5.2: <contact addressing_mode="lid"/> query, user content <contact>+49…</contact>, context="interactive"
        Node expected = iq().child(usyncHeader("interactive").children(
                Node.builder("query").child(Node.builder("contact").attr("addressing_mode", "lid").build()).build(),
                Node.builder("list").child(Node.builder("user").child(Node.builder("contact").text("+491701234567")
                        .build()).build()).build()).build()).build();
        UsyncContactIq spec = new UsyncContactIq("s1", List.of("+491701234567"));
        assertEquals(expected, spec.toRequest("q1"));
        assertTrue(UsyncContactIq.matches(expected));
        assertEquals(spec, UsyncContactIq.fromRequest(WireRoundTrip.viaWire(expected)));
    }

    @Test
    void contactResult() throws Exception {
        Node answer = result().child(Node.builder("usync").attr("sid", "s1").child(Node.builder("list").children(
                Node.builder("user").attr("jid", BOB).children(Node.builder("contact").attr("type", "in")
                        .text("+491701234567").build(), Node.builder("lid").attr("val", BOB_LID).build()).build(),
                Node.builder("user").attr("jid", CAROL).child(Node.builder("contact").attr("type", "out")
                        .text("+491709999999").build()).build()).build()).build()).build();
        UsyncContactIq spec = new UsyncContactIq("s1", List.of("+491701234567", "+491709999999"));
        List<UsyncContactIq.Contact> contacts = spec.parseResponse(WireRoundTrip.viaWire(answer));
        assertEquals(new UsyncContactIq.Contact("+491701234567", BOB, true, Optional.of(BOB_LID)), contacts.get(0));
        assertEquals(new UsyncContactIq.Contact("+491709999999", CAROL, false, Optional.empty()), contacts.get(1));
        assertEquals(answer, spec.toResult("q1", contacts));
        Node badType = result().child(Node.builder("usync").child(Node.builder("list").child(
                Node.builder("user").attr("jid", BOB).child(Node.builder("contact").attr("type", "maybe").text("+4")
                        .build()).build()).build()).build()).build();
        assertEquals("contact", assertThrows(StanzaException.class, () -> spec.parseResponse(badType)).tag());
    }
}
