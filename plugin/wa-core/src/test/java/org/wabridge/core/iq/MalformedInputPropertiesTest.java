/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import java.util.Optional;
import java.util.OptionalLong;
import org.wabridge.core.signal.CiphertextKind;
import org.wabridge.core.stanza.ChatStateStanza;
import org.wabridge.core.stanza.ConnectFailure;
import org.wabridge.core.stanza.ConnectSuccess;
import org.wabridge.core.stanza.DevicesNotification;
import org.wabridge.core.stanza.Enc;
import org.wabridge.core.stanza.RetryRequest;
import org.wabridge.core.stanza.StreamError;
import org.wabridge.core.stanza.ClientAck;
import org.wabridge.core.stanza.ConnectOutcome;
import org.wabridge.core.stanza.IbStanza;
import org.wabridge.core.stanza.IncomingMessage;
import org.wabridge.core.stanza.Notification;
import org.wabridge.core.stanza.OutgoingMessage;
import org.wabridge.core.stanza.PresenceStanza;
import org.wabridge.core.stanza.ReceiptStanza;
import org.wabridge.core.stanza.RetryMessage;
import org.wabridge.core.stanza.ServerAck;
import org.wabridge.core.stanza.StanzaException;
import org.wabridge.core.stanza.StreamTermination;

/**
 * Bad input always gets a typed error: random nodes built from the vocabulary of whatsapp-protocol.md §5 (right
 * top-level tag, plausible and implausible attributes and children) make every parser either succeed or throw
 * {@link StanzaException}, never a runtime exception.
 */
class MalformedInputPropertiesTest {
    interface Parser {
        Object parse(Node node) throws StanzaException;
    }

    private static final String[] TAGS = {"enc", "participants", "to", "list", "item", "retry", "registration",
        "keys", "type", "identity", "key", "skey", "id", "value", "signature", "device-identity", "count", "user",
        "devices", "device-list", "device", "key-index-list", "lid", "error", "usync", "query", "contact",
        "media_conn", "host", "conflict", "text", "composing", "paused", "add", "remove", "offline_preview",
        "offline", "offline_batch", "edge_routing", "routing_info", "active", "rotate"};
    private static final String[] KEYS = {"id", "from", "to", "t", "type", "v", "count", "jid", "code", "text",
        "reason", "expire", "class", "error", "phash", "participant", "recipient", "edit", "offline", "notify",
        "device_fanout", "value", "media", "last", "name", "ts", "key-index", "is_hosted", "val", "hostname", "auth",
        "ttl", "lid", "sid", "xmlns", "device_hash", "mediatype", "message", "notification", "receipt", "appdata"};
    private static final String[] VALUES = {"", "0", "1", "-1", "2", "5", "70000", "abc", "retry", "true", "false",
        "491701234567@s.whatsapp.net", "s.whatsapp.net", "a@b@c", "1-x@interop", "x@interop", "9999999999999999999",
        "encrypt", "devices", "in", "out", "deny", "audio", "read", "hide", "pkmsg", "msg", "w:p", "usync", "passive",
        "get", "set", "result", "error", "message", "replaced", "device_removed", "2147483648"};
    private static final int[] BYTE_LENGTHS = {0, 1, 2, 3, 4, 31, 32, 33, 63, 64};

    private static final Map<String, Parser> STANZA_PARSERS = new LinkedHashMap<>();

    static {
        STANZA_PARSERS.put("success", ConnectOutcome::fromNode);
        STANZA_PARSERS.put("failure", ConnectOutcome::fromNode);
        STANZA_PARSERS.put("stream:error", StreamTermination::fromNode);
        STANZA_PARSERS.put("ack", ServerAck::fromNode);
        STANZA_PARSERS.put("ack ", ClientAck::fromNode);
        STANZA_PARSERS.put("message", OutgoingMessage::fromNode);
        STANZA_PARSERS.put("message ", IncomingMessage::fromNode);
        STANZA_PARSERS.put("message  ", RetryMessage::fromNode);
        STANZA_PARSERS.put("message   ", ClientAck::forIncoming);
        STANZA_PARSERS.put("receipt", ReceiptStanza::fromNode);
        STANZA_PARSERS.put("presence", PresenceStanza::fromNode);
        STANZA_PARSERS.put("chatstate", ChatStateStanza::fromNode);
        STANZA_PARSERS.put("notification", Notification::fromNode);
        STANZA_PARSERS.put("ib", IbStanza::fromNode);
        STANZA_PARSERS.put("iq", PingIq.INSTANCE::parseResponse);
        STANZA_PARSERS.put("iq ", PreKeyCountIq.INSTANCE::parseResponse);
        STANZA_PARSERS.put("iq  ", PreKeyFetchIq.of(List.of(WaJid.phone("1")))::parseResponse);
        STANZA_PARSERS.put("iq   ", UsyncDevicesIq.of("s", List.of(WaJid.phone("1")))::parseResponse);
        STANZA_PARSERS.put("iq    ", new UsyncContactIq("s", List.of("+1"))::parseResponse);
        STANZA_PARSERS.put("iq     ", MediaConnIq.INSTANCE::parseResponse);
        STANZA_PARSERS.put("iq      ", PreKeyUploadIq::fromRequest);
        STANZA_PARSERS.put("iq       ", PreKeyFetchIq::fromRequest);
        STANZA_PARSERS.put("iq        ", SignedPreKeyRotateIq::fromRequest);
        STANZA_PARSERS.put("iq         ", UsyncDevicesIq::fromRequest);
        STANZA_PARSERS.put("iq          ", UsyncContactIq::fromRequest);
        STANZA_PARSERS.put("iq           ", PassiveIq::fromRequest);
    }

    @Property(tries = 1000)
    void parsersOnlyThrowStanzaException(@ForAll long seed) {
        Random random = new Random(seed);
        for (Map.Entry<String, Parser> entry : STANZA_PARSERS.entrySet()) {
            Node node = randomNode(random, entry.getKey().trim(), 0);
            try {
                entry.getValue().parse(node);
            } catch (StanzaException expected) {
                // typed error: fine
            } catch (RuntimeException e) {
                fail(entry.getKey().trim() + " parser threw " + e + " for " + node, e);
            }
        }
    }

    /** Valid nodes from the builders, each with the parser for it. */
    private static List<Map.Entry<Node, Parser>> validSamples() {
        WaJid bob = WaJid.phone("491701234567");
        KeyBundle bundle = new KeyBundle(TestKeys.REGISTRATION, TestKeys.IDENTITY, TestKeys.SIGNED_PRE_KEY,
                Optional.of(TestKeys.ONE_TIME), Optional.of(new byte[] {1}));
        PreKeyFetchIq fetch = PreKeyFetchIq.of(List.of(bob));
        UsyncDevicesIq usync = UsyncDevicesIq.of("s", List.of(bob));
        return List.of(
                Map.entry(ConnectFailure.tempBanned("1", 60).toNode(), ConnectOutcome::fromNode),
                Map.entry(ConnectSuccess.of(5, WaJid.lid("1")).toNode(), ConnectOutcome::fromNode),
                Map.entry(StreamError.deviceRemoved().toNode(), StreamTermination::fromNode),
                Map.entry(ServerAck.messageAccepted("m", 1).withPhash("2:x").toNode(), ServerAck::fromNode),
                Map.entry(new OutgoingMessage("m", "text", bob, Optional.of("1"), List.of(new OutgoingMessage.DeviceEnc(
                        bob, Enc.of(CiphertextKind.MSG, new byte[] {1}).withMediaType("image"))), Optional.empty())
                        .toNode(), OutgoingMessage::fromNode),
                Map.entry(new RetryMessage("m", bob, "text", OptionalLong.of(1), Optional.empty(), Optional.empty(),
                        Optional.empty(), Enc.of(CiphertextKind.PKMSG, new byte[] {1}).withCount(2), Optional.empty())
                        .toNode(), RetryMessage::fromNode),
                Map.entry(ReceiptStanza.retry("m", bob, Optional.of(bob), RetryRequest.of(2, "m", 1,
                        TestKeys.REGISTRATION, Optional.of(bundle))).toNode(), ReceiptStanza::fromNode),
                Map.entry(new DevicesNotification("n", bob, OptionalLong.of(1), DevicesNotification.Action.ADD,
                        Optional.of("2:x"), List.of(bob)).toNode(), Notification::fromNode),
                Map.entry(new IbStanza.OfflinePreview(1, 1, 0, 0, 0).toNode(), IbStanza::fromNode),
                Map.entry(new PreKeyUploadIq(TestKeys.REGISTRATION, TestKeys.IDENTITY, List.of(TestKeys.ONE_TIME),
                        TestKeys.SIGNED_PRE_KEY).toRequest("u"), PreKeyUploadIq::fromRequest),
                Map.entry(fetch.toResult("f", List.of(PreKeyFetchIq.UserBundle.of(bob, bundle))), fetch::parseResponse),
                Map.entry(usync.toResult("q", List.of(UserDevices.of(bob, List.of(UserDevices.Device.companion(7, 1)),
                        Optional.of(new UserDevices.KeyIndexList(1, new byte[] {1}))).withLid(WaJid.lid("1")))),
                        usync::parseResponse),
                Map.entry(MediaConnIq.INSTANCE.toResult("m", MediaConnIq.MediaConn.of("a", 1, List.of("h"))),
                        MediaConnIq.INSTANCE::parseResponse));
    }

    @Property(tries = 1000)
    void mutatedValidNodesOnlyThrowStanzaException(@ForAll long seed) {
        Random random = new Random(seed);
        for (Map.Entry<Node, Parser> sample : validSamples()) {
            Node mutated = sample.getKey();
            for (int i = 1 + random.nextInt(2); i > 0; i--) {
                mutated = mutate(random, mutated);
            }
            try {
                sample.getValue().parse(mutated);
            } catch (StanzaException expected) {
                // typed error: fine
            } catch (RuntimeException e) {
                fail("parser threw " + e + " for " + mutated, e);
            }
        }
    }

    /** One random change somewhere in the tree: drop or rewrite an attribute, replace content, drop a child. */
    private static Node mutate(Random random, Node node) {
        List<Node> children = node.children();
        if (!children.isEmpty() && random.nextInt(3) > 0) {
            int index = random.nextInt(children.size());
            List<Node> copy = new java.util.ArrayList<>(children);
            copy.set(index, mutate(random, children.get(index)));
            return node.toBuilder().children(copy).build();
        }
        Node.Builder b = Node.builder(node.tag());
        List<String> keys = new java.util.ArrayList<>(node.attributes().keySet());
        String target = keys.isEmpty() ? null : keys.get(random.nextInt(keys.size()));
        int action = random.nextInt(5);
        node.attributes().forEach((k, v) -> {
            if (!k.equals(target) || action > 1) {
                if (v instanceof WaJid) {
                    b.attr(k, (WaJid) v);
                } else {
                    b.attr(k, v.toString());
                }
            } else if (action == 1) {
                b.attr(k, VALUES[random.nextInt(VALUES.length)]);
            }
        });
        Node base = node.toBuilder().build();
        switch (action) {
            case 2:
                return b.bytes(new byte[BYTE_LENGTHS[random.nextInt(BYTE_LENGTHS.length)]]).build();
            case 3:
                if (children.isEmpty()) {
                    return b.text(VALUES[random.nextInt(VALUES.length)]).build();
                }
                List<Node> fewer = new java.util.ArrayList<>(children);
                fewer.remove(random.nextInt(fewer.size()));
                return b.children(fewer).build();
            case 4:
                return base;
            default:
                return copyContent(node, b).build();
        }
    }

    private static Node.Builder copyContent(Node from, Node.Builder to) {
        if (from.hasChildren()) {
            return to.children(from.children());
        }
        if (from.hasBytes()) {
            return to.bytes(from.contentBytes());
        }
        if (from.hasJid()) {
            return to.jid(from.contentJid());
        }
        if (from.hasString()) {
            return to.text(from.contentText());
        }
        return to;
    }

    private static Node randomNode(Random random, String tag, int depth) {
        Node.Builder b = Node.builder(tag);
        int attrs = random.nextInt(7);
        for (int i = 0; i < attrs; i++) {
            String key = KEYS[random.nextInt(KEYS.length)];
            if (random.nextInt(5) == 0) {
                b.attr(key, WaJid.phone("4917" + random.nextInt(1000)).withDevice(random.nextInt(3)));
            } else {
                b.attr(key, VALUES[random.nextInt(VALUES.length)]);
            }
        }
        switch (depth >= 3 ? random.nextInt(3) : random.nextInt(4)) {
            case 0:
                break;
            case 1:
                b.bytes(new byte[BYTE_LENGTHS[random.nextInt(BYTE_LENGTHS.length)]]);
                break;
            case 2:
                b.text(VALUES[random.nextInt(VALUES.length)]);
                break;
            default:
                int children = 1 + random.nextInt(4);
                for (int i = 0; i < children; i++) {
                    b.child(randomNode(random, TAGS[random.nextInt(TAGS.length)], depth + 1));
                }
        }
        return b.build();
    }
}
