/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.iq.KeyBundle;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.signal.OneTimePreKey;
import org.wabridge.core.signal.SignedPreKey;

/** Receipts, literal nodes written from whatsapp-protocol.md §5.7 and §5.8. */
class ReceiptStanzaTest {
    private static final WaJid BOB = WaJid.phone("491701234567");
    private static final WaJid ME = WaJid.interop("alice", 0, 1);

    private static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }

    private static Node bytes(String tag, byte[] content) {
        return Node.builder(tag).bytes(content).build();
    }

    @Test
    void deliveryHasNoType() throws Exception {
        // §5.7: <receipt id=… to=<sender JID> [participant]/>
        Node expected = Node.builder("receipt").attr("id", "M1").attr("to", BOB).build();
        ReceiptStanza receipt = ReceiptStanza.delivery("M1", BOB, Optional.empty());
        assertEquals(expected, receipt.toNode());
        assertEquals(ReceiptType.DELIVERY, ReceiptStanza.fromNode(expected).kind());
        assertEquals(receipt, ReceiptStanza.fromNode(expected));
    }

    @Test
    void readWithListOfIds() throws Exception {
        // §5.7: <receipt id=<first id> to type="read" t><list><item id/>…</list></receipt>
        Node expected = Node.builder("receipt").attr("id", "M1").attr("to", BOB).attr("type", "read")
                .attr("t", "1700000000").child(Node.builder("list").children(
                        Node.builder("item").attr("id", "M2").build(), Node.builder("item").attr("id", "M3").build())
                        .build()).build();
        ReceiptStanza read = ReceiptStanza.outgoing(ReceiptType.READ, List.of("M1", "M2", "M3"), BOB, Optional.empty(),
                OptionalLong.of(1_700_000_000L));
        assertEquals(expected, read.toNode());
        ReceiptStanza parsed = ReceiptStanza.fromNode(WireRoundTrip.viaWire(expected));
        assertEquals(List.of("M1", "M2", "M3"), parsed.allIds());
        assertEquals(ReceiptType.READ, parsed.kind());
    }

    @Test
    void readSelfPlayedAndUnknownTypes() throws Exception {
        for (ReceiptType type : List.of(ReceiptType.READ_SELF, ReceiptType.PLAYED, ReceiptType.PLAYED_SELF,
                ReceiptType.INACTIVE)) {
            Node node = Node.builder("receipt").attr("id", "M").attr("from", BOB)
                    .attr("type", type.wireName().orElseThrow()).build();
            assertEquals(type, ReceiptStanza.fromNode(node).kind());
        }
        ReceiptStanza other = ReceiptStanza.fromNode(Node.builder("receipt").attr("id", "M").attr("from", BOB)
                .attr("type", "enc_rekey_retry").build());
        assertEquals(ReceiptType.OTHER, other.kind());
        assertEquals(Optional.of("enc_rekey_retry"), other.type());
    }

    @Test
    void toMessageModelReceipt() throws Exception {
        Node read = Node.builder("receipt").attr("id", "M1").attr("from", BOB).attr("type", "read").attr("t", "100")
                .child(Node.builder("list").child(Node.builder("item").attr("id", "M2").build()).build()).build();
        assertEquals(Optional.of(new Receipt(Receipt.Type.READ, BOB.toString(), Optional.empty(), List.of("M1", "M2"),
                Instant.ofEpochSecond(100))), ReceiptStanza.fromNode(read).toReceipt(Instant.EPOCH));
        Node delivery = Node.builder("receipt").attr("id", "M3").attr("from", BOB).attr("participant", ME).build();
        assertEquals(Optional.of(new Receipt(Receipt.Type.DELIVERED, BOB.toString(), Optional.of(ME.toString()),
                List.of("M3"), Instant.ofEpochSecond(7))), ReceiptStanza.fromNode(delivery).toReceipt(Instant.ofEpochSecond(7)));
        Node played = Node.builder("receipt").attr("id", "M4").attr("from", BOB).attr("type", "played-self").build();
        assertEquals(Receipt.Type.PLAYED, ReceiptStanza.fromNode(played).toReceipt(Instant.EPOCH).orElseThrow().type());
        Node sender = Node.builder("receipt").attr("id", "M5").attr("from", BOB).attr("type", "sender").build();
        assertEquals(Optional.empty(), ReceiptStanza.fromNode(sender).toReceipt(Instant.EPOCH));
    }

    @Test
    void relayAddsFromAndTime() {
        ReceiptStanza relayed = ReceiptStanza.delivery("M1", BOB, Optional.empty()).relayedFrom(ME, 42);
        Node expected = Node.builder("receipt").attr("id", "M1").attr("from", ME).attr("t", "42").build();
        assertEquals(expected, relayed.toNode());
    }

    @Test
    void retryWithoutKeys() throws Exception {
        // §5.8: <receipt id to type="retry"><retry count id t v="1"/><registration>4 B</registration></receipt>
        Node expected = Node.builder("receipt").attr("id", "M1").attr("to", BOB).attr("type", "retry").children(
                Node.builder("retry").attr("count", "1").attr("id", "M1").attr("t", "1700000000").attr("v", "1").build(),
                bytes("registration", new byte[] {0, 0, 0x30, 0x39})).build();
        ReceiptStanza retry = ReceiptStanza.retry("M1", BOB, Optional.empty(),
                RetryRequest.of(1, "M1", 1_700_000_000L, 12345, Optional.empty()));
        assertEquals(expected, retry.toNode());
        assertEquals(retry, ReceiptStanza.fromNode(expected));
    }

    @Test
    void retryNamesTheSendingDeviceAndTheRecipientOfAnOwnDeviceCopy() throws Exception {
        WaJid device = BOB.withDevice(5);
        Node node = ReceiptStanza.retry("M1", device, Optional.empty(), Optional.of(ME),
                RetryRequest.of(1, "M1", 1_700_000_000L, 12345, Optional.empty())).toNode();

        assertEquals(device.toString(), node.attrs().optString("to", ""));
        assertEquals(ME.toString(), node.attrs().optString("recipient", ""));
    }

    @Test
    void retryWithKeysBundle() throws Exception {
        // §5.8: <keys><type>05</type><identity/><key/><skey/><device-identity/></keys> when count > 1
        Node keys = Node.builder("keys").children(bytes("type", new byte[] {5}), bytes("identity", filled(32, 1)),
                Node.builder("key").children(bytes("id", new byte[] {0, 0, 9}), bytes("value", filled(32, 2))).build(),
                Node.builder("skey").children(bytes("id", new byte[] {0, 0, 1}), bytes("value", filled(32, 3)),
                        bytes("signature", filled(64, 4))).build(),
                bytes("device-identity", new byte[] {7})).build();
        Node expected = Node.builder("receipt").attr("id", "M1").attr("to", BOB).attr("type", "retry").children(
                Node.builder("retry").attr("count", "2").attr("id", "M1").attr("t", "5").attr("v", "1").build(),
                bytes("registration", new byte[] {0, 0, 0, 1}), keys).build();
        KeyBundle bundle = new KeyBundle(1, filled(32, 1), new SignedPreKey(1, filled(32, 3), filled(64, 4)),
                Optional.of(new OneTimePreKey(9, filled(32, 2))), Optional.of(new byte[] {7}));
        ReceiptStanza retry = ReceiptStanza.retry("M1", BOB, Optional.empty(),
                RetryRequest.of(2, "M1", 5, 1, Optional.of(bundle)));
        assertEquals(expected, retry.toNode());
        ReceiptStanza parsed = ReceiptStanza.fromNode(WireRoundTrip.viaWire(expected));
        assertEquals(retry, parsed);
        assertEquals(bundle, parsed.retry().orElseThrow().keys().orElseThrow());
    }

    @Test
    void malformedReceiptsAreTyped() {
        assertThrows(StanzaException.class, () -> ReceiptStanza.fromNode(Node.builder("receipt").attr("id", "x").build()));
        assertThrows(StanzaException.class, () -> ReceiptStanza.fromNode(Node.builder("receipt").attr("to", BOB).build()));
        Node retryWithoutBody = Node.builder("receipt").attr("id", "x").attr("from", BOB).attr("type", "retry").build();
        assertEquals("receipt", assertThrows(StanzaException.class, () -> ReceiptStanza.fromNode(retryWithoutBody)).tag());
        Node retryWithoutRegistration = retryWithoutBody.toBuilder().child(Node.builder("retry").attr("count", "1")
                .attr("id", "x").attr("t", "1").attr("v", "1").build()).build();
        assertThrows(StanzaException.class, () -> ReceiptStanza.fromNode(retryWithoutRegistration));
        Node retryZeroCount = retryWithoutBody.toBuilder().children(Node.builder("retry").attr("count", "0")
                .attr("id", "x").attr("t", "1").attr("v", "1").build(), bytes("registration", new byte[4])).build();
        assertEquals("retry", assertThrows(StanzaException.class, () -> ReceiptStanza.fromNode(retryZeroCount)).tag());
        Node listItemWithoutId = Node.builder("receipt").attr("id", "x").attr("from", BOB)
                .child(Node.builder("list").child(Node.of("item")).build()).build();
        assertEquals("item", assertThrows(StanzaException.class, () -> ReceiptStanza.fromNode(listItemWithoutId)).tag());
    }
}
