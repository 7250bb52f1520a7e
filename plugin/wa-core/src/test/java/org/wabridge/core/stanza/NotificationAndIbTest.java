/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/** Notifications (whatsapp-protocol.md §5.3, §5.10) and {@code <ib>} (§5.1, §5.11), literal nodes. */
class NotificationAndIbTest {
    private static final WaJid BOB = WaJid.phone("491701234567");

    @Test
    void prekeyCount() throws Exception {
        // §5.3: <notification from="s.whatsapp.net" type="encrypt"><count value="N"/></notification>
        Node expected = Node.builder("notification").attr("id", "n1").attr("from", WaJid.SERVER)
                .attr("type", "encrypt").attr("t", "10").child(Node.builder("count").attr("value", "4").build()).build();
        assertEquals(expected, PreKeyCountNotification.of("n1", 10, 4).toNode());
        PreKeyCountNotification parsed = (PreKeyCountNotification) Notification.fromNode(WireRoundTrip.viaWire(expected));
        assertEquals(4, parsed.count());
        Node ack = Node.builder("ack").attr("class", "notification").attr("id", "n1").attr("to", WaJid.SERVER)
                .attr("type", "encrypt").build();
        assertEquals(ack, ClientAck.forIncoming(expected).toNode());
    }

    @Test
    void identityChange() throws Exception {
        Node expected = Node.builder("notification").attr("id", "n2").attr("from", BOB).attr("type", "encrypt")
                .child(Node.of("identity")).build();
        Notification parsed = Notification.fromNode(expected);
        assertInstanceOf(IdentityChangeNotification.class, parsed);
        assertEquals(BOB, parsed.from());
        assertEquals(expected, new IdentityChangeNotification("n2", BOB, OptionalLong.empty()).toNode());
    }

    @Test
    void devicesAddAndRemove() throws Exception {
        // §5.10: <add|remove device_hash=…><device jid=…/></…>
        Node add = Node.builder("notification").attr("id", "n3").attr("from", BOB).attr("type", "devices")
                .attr("t", "11").child(Node.builder("add").attr("device_hash", "2:abc")
                        .child(Node.builder("device").attr("jid", BOB.withDevice(8)).build()).build()).build();
        DevicesNotification parsed = (DevicesNotification) Notification.fromNode(add);
        assertEquals(DevicesNotification.Action.ADD, parsed.action());
        assertEquals(Optional.of("2:abc"), parsed.deviceHash());
        assertEquals(List.of(BOB.withDevice(8)), parsed.devices());
        assertEquals(add, parsed.toNode());
        DevicesNotification remove = new DevicesNotification("n4", BOB, OptionalLong.empty(),
                DevicesNotification.Action.REMOVE, Optional.of("2:def"), List.of(BOB.withDevice(8)));
        assertEquals(remove, Notification.fromNode(WireRoundTrip.viaWire(remove.toNode())));
    }

    @Test
    void otherNotificationIsKeptWhole() throws Exception {
        Node node = Node.builder("notification").attr("id", "n5").attr("from", BOB).attr("type", "picture")
                .child(Node.of("set")).build();
        OtherNotification other = (OtherNotification) Notification.fromNode(node);
        assertEquals("picture", other.type());
        assertEquals(node, other.toNode());
    }

    @Test
    void malformedNotifications() {
        assertThrows(StanzaException.class, () -> Notification.fromNode(
                Node.builder("notification").attr("id", "n").attr("from", BOB).build()));
        assertThrows(StanzaException.class, () -> Notification.fromNode(
                Node.builder("notification").attr("id", "n").attr("from", BOB).attr("type", "devices").build()));
        assertThrows(StanzaException.class, () -> Notification.fromNode(Node.builder("notification").attr("id", "n")
                .attr("from", WaJid.SERVER).attr("type", "encrypt").child(Node.builder("count").attr("value", "x")
                        .build()).build()));
        assertThrows(StanzaException.class, () -> Notification.fromNode(Node.builder("notification")
                .attr("from", BOB).attr("type", "picture").build()));
    }

    @Test
    void offlineMarkers() throws Exception {
        // §5.1: <ib><offline_preview count message notification receipt appdata/></ib> … <ib><offline count/></ib>
        Node preview = Node.builder("ib").child(Node.builder("offline_preview").attr("count", "3").attr("message", "2")
                .attr("notification", "1").attr("receipt", "0").attr("appdata", "0").build()).build();
        assertEquals(preview, new IbStanza.OfflinePreview(3, 2, 1, 0, 0).toNode());
        assertEquals(new IbStanza.OfflinePreview(3, 2, 1, 0, 0), IbStanza.fromNode(WireRoundTrip.viaWire(preview)));
        Node done = Node.builder("ib").child(Node.builder("offline").attr("count", "3").build()).build();
        assertEquals(done, new IbStanza.OfflineComplete(3).toNode());
        assertEquals(new IbStanza.OfflineComplete(3), IbStanza.fromNode(done));
        Node batch = Node.builder("ib").child(Node.builder("offline_batch").attr("count", "100").build()).build();
        assertEquals(new IbStanza.OfflineBatch(100), IbStanza.fromNode(batch));
        assertEquals(new IbStanza.OfflinePreview(5, 0, 0, 0, 0), IbStanza.fromNode(Node.builder("ib")
                .child(Node.builder("offline_preview").attr("count", "5").build()).build()));
    }

    @Test
    void edgeRoutingAndOther() throws Exception {
        Node edge = Node.builder("ib").child(Node.builder("edge_routing").child(Node.builder("routing_info")
                .bytes(new byte[] {8, 1}).build()).build()).build();
        IbStanza.EdgeRouting parsed = (IbStanza.EdgeRouting) IbStanza.fromNode(edge);
        assertArrayEquals(new byte[] {8, 1}, parsed.routingInfo());
        assertEquals(edge, parsed.toNode());
        Node other = Node.builder("ib").child(Node.builder("unified_session").attr("id", "1").build()).build();
        assertEquals(new IbStanza.Other(other), IbStanza.fromNode(other));
    }

    @Test
    void malformedIb() {
        assertThrows(StanzaException.class, () -> IbStanza.fromNode(Node.of("ib")));
        assertThrows(StanzaException.class, () -> IbStanza.fromNode(Node.builder("ib")
                .child(Node.builder("offline").attr("count", "-1").build()).build()));
        assertThrows(StanzaException.class, () -> IbStanza.fromNode(Node.builder("ib")
                .child(Node.of("edge_routing")).build()));
    }
}
