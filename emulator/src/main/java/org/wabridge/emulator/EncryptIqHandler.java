/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.wabridge.core.binary.Node;
import org.wabridge.core.binary.NodeAttributeException;
import org.wabridge.core.iq.IqError;
import org.wabridge.core.iq.Iqs;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.StanzaException;

/**
 * Server side of the {@code encrypt} IQs (whatsapp-protocol.md §5.3): upload, count, fetch bundles (one-time
 * keys consumed), rotate the signed prekey; plus the {@code encrypt} notifications (low count to the owner,
 * {@code <identity/>} to those who fetched a device whose identity changed). Emulator-private wire code,
 * written here because the shared IQ layer has no prekey forms yet.
 */
final class EncryptIqHandler {
    static final String NAMESPACE = "encrypt";
    private static final IqError BAD_REQUEST = IqError.BAD_REQUEST;

    private final KeyDirectory keys;
    private final Directory directory;
    private final Clock clock;
    private final int integrator;
    private final AtomicLong notificationIds = new AtomicLong();

    EncryptIqHandler(KeyDirectory keys, Directory directory, Clock clock, int integrator) {
        this.keys = keys;
        this.directory = directory;
        this.clock = clock;
        this.integrator = integrator;
    }

    void handle(ClientSession from, Node iq) throws StanzaException, NodeAttributeException {
        String id = Iqs.id(iq);
        String type = iq.attrs().optString("type", "");
        try {
            if (type.equals("set") && iq.child("rotate") != null) {
                keys.rotateSignedKey(from.address(), signedKey(require(iq.child("rotate"), "skey")));
                from.send(Iqs.result(id).build());
            } else if (type.equals("set") && iq.child("identity") != null) {
                upload(from, iq);
                from.send(Iqs.result(id).build());
            } else if (type.equals("get") && iq.child("count") != null) {
                from.send(Iqs.result(id).child(Node.builder("count").attr("value", keys.count(from.address()))
                        .build()).build());
            } else if (type.equals("get") && iq.child("key") != null) {
                from.send(Iqs.result(id).child(fetch(from, iq.child("key"))).build());
            } else {
                from.send(Iqs.error(id, BAD_REQUEST));
            }
        } catch (IllegalArgumentException e) {
            from.send(Iqs.error(id, BAD_REQUEST));
        }
    }

    private void upload(ClientSession from, Node iq) {
        int registrationId = (int) bigEndian(bytes(require(iq, "registration"), 4));
        byte[] identity = bytes(require(iq, "identity"), 32);
        List<KeyDirectory.OneTimeKey> oneTime = new ArrayList<>();
        Node list = iq.child("list");
        if (list != null) {
            for (Node k : list.children("key")) {
                oneTime.add(new KeyDirectory.OneTimeKey((int) bigEndian(bytes(require(k, "id"), 3)),
                        bytes(require(k, "value"), 32)));
            }
        }
        KeyDirectory.UploadResult result = keys.upload(from.address(), registrationId, identity,
                signedKey(require(iq, "skey")), oneTime);
        if (result.identityChanged()) {
            Node identityNotice = notification(from.address().jid(integrator).toNonAd(), Node.of("identity"));
            for (DeviceAddress watcher : result.fetchedBy()) {
                notify(watcher, identityNotice);
            }
        }
    }

    private Node fetch(ClientSession from, Node keyRequest) throws NodeAttributeException {
        Node.Builder list = Node.builder("list");
        for (Node user : keyRequest.children("user")) {
            WaJid jid = user.attrs().requireJid("jid");
            Optional<Directory.Account> account = directory.account(jid.user());
            Optional<KeyDirectory.FetchResult> fetched = account.flatMap(a ->
                    keys.fetch(new DeviceAddress(a.user, jid.device(), a.interop), from.address()));
            if (fetched.isEmpty()) {
                list.child(Node.builder("user").attr("jid", jid).child(IqError.NOT_FOUND.toNode()).build());
                continue;
            }
            KeyDirectory.Bundle b = fetched.get().bundle();
            Node.Builder u = Node.builder("user").attr("jid", jid)
                    .child(Node.builder("registration").bytes(ByteBuffer.allocate(4).putInt(b.registrationId())
                            .array()).build())
                    .child(Node.builder("type").bytes(new byte[] {5}).build())
                    .child(Node.builder("identity").bytes(b.identityKey()).build())
                    .child(Node.builder("skey").children(idNode(b.signedKey().id()),
                            Node.builder("value").bytes(b.signedKey().publicKey()).build(),
                            Node.builder("signature").bytes(b.signedKey().signature()).build()).build());
            b.oneTime().ifPresent(k -> u.child(Node.builder("key").children(idNode(k.id()),
                    Node.builder("value").bytes(k.publicKey()).build()).build()));
            list.child(u.build());
            fetched.get().lowCount().ifPresent(n -> notify(b.device(),
                    notification(WaJid.SERVER, Node.builder("count").attr("value", n).build())));
        }
        return list.build();
    }

    private Node notification(WaJid from, Node child) {
        return Node.builder("notification").attr("id", "notif-" + notificationIds.incrementAndGet())
                .attr("type", NAMESPACE).attr("from", from).attr("t", clock.instant().getEpochSecond())
                .child(child).build();
    }

    /** Queued like any stanza; the device's {@code <ack class="notification">} releases it. */
    private void notify(DeviceAddress device, Node notification) {
        DeviceQueue queue = directory.queue(device.user(), device.device());
        if (queue != null) {
            queue.offer(notification.attrs().optString("id", ""), notification);
        }
    }

    private static KeyDirectory.SignedKey signedKey(Node skey) {
        return new KeyDirectory.SignedKey((int) bigEndian(bytes(require(skey, "id"), 3)),
                bytes(require(skey, "value"), 32), bytes(require(skey, "signature"), 64));
    }

    private static Node idNode(int id) {
        return Node.builder("id").bytes(new byte[] {(byte) (id >>> 16), (byte) (id >>> 8), (byte) id}).build();
    }

    private static Node require(Node parent, String tag) {
        Node child = parent.child(tag);
        if (child == null) {
            throw new IllegalArgumentException("missing <" + tag + ">");
        }
        return child;
    }

    private static byte[] bytes(Node node, int length) {
        byte[] b = node.contentBytes();
        if (b == null || b.length != length) {
            throw new IllegalArgumentException("<" + node.tag() + "> must hold " + length + " bytes");
        }
        return b;
    }

    private static long bigEndian(byte[] b) {
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xFF);
        }
        return v;
    }
}
