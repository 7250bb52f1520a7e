/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.Nodes;
import org.wabridge.core.stanza.StanzaException;

/**
 * One user in a usync device result (whatsapp-protocol.md §5.2): {@code <user jid><devices><device-list>
 * <device id [key-index] [is_hosted]/>…</device-list><key-index-list ts>bytes</key-index-list></devices>
 * [<lid val/>]</user>}, or {@code <devices><error code text/></devices>} for a user the server cannot answer.
 */
public record UserDevices(WaJid jid, List<Device> devices, Optional<KeyIndexList> keyIndexList, Optional<WaJid> lid,
        Optional<IqError> error) {

    /** {@code <device id [key-index] [is_hosted]/>}. */
    public record Device(int id, OptionalInt keyIndex, boolean hosted) {
        public Device {
            Objects.requireNonNull(keyIndex, "keyIndex");
            if (id < 0 || id > 0xFFFF) {
                throw new IllegalArgumentException("device id out of range: " + id);
            }
        }

        public static Device primary() {
            return new Device(0, OptionalInt.empty(), false);
        }

        public static Device companion(int id, int keyIndex) {
            return new Device(id, OptionalInt.of(keyIndex), false);
        }
    }

    /** {@code <key-index-list ts>signed ADV key index list bytes</key-index-list>}, kept opaque. */
    public record KeyIndexList(long ts, byte[] signedList) {
        public KeyIndexList {
            signedList = Objects.requireNonNull(signedList, "signedList").clone();
        }

        @Override
        public byte[] signedList() {
            return signedList.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyIndexList k && ts == k.ts && Arrays.equals(signedList, k.signedList);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(ts) * 31 + Arrays.hashCode(signedList);
        }
    }

    public UserDevices {
        Objects.requireNonNull(jid, "jid");
        devices = List.copyOf(devices);
        Objects.requireNonNull(keyIndexList, "keyIndexList");
        Objects.requireNonNull(lid, "lid");
        Objects.requireNonNull(error, "error");
    }

    public static UserDevices of(WaJid jid, List<Device> devices, Optional<KeyIndexList> keyIndexList) {
        return new UserDevices(jid, devices, keyIndexList, Optional.empty(), Optional.empty());
    }

    public static UserDevices error(WaJid jid, IqError error) {
        return new UserDevices(jid, List.of(), Optional.empty(), Optional.empty(), Optional.of(error));
    }

    public UserDevices withLid(WaJid value) {
        return new UserDevices(jid, devices, keyIndexList, Optional.of(value), error);
    }

    /** The device JIDs ({@code user:id@server}) of this user. */
    public List<WaJid> deviceJids() {
        List<WaJid> jids = new ArrayList<>();
        for (Device device : devices) {
            jids.add(jid.withDevice(device.id()));
        }
        return jids;
    }

    public Node toNode() {
        Node.Builder devicesNode = Node.builder("devices");
        if (error.isPresent()) {
            devicesNode.child(error.get().toNode());
        } else {
            Node.Builder list = Node.builder("device-list");
            for (Device device : devices) {
                Node.Builder d = Node.builder("device").attr("id", device.id());
                device.keyIndex().ifPresent(k -> d.attr("key-index", k));
                if (device.hosted()) {
                    d.attr("is_hosted", "true");
                }
                list.child(d.build());
            }
            devicesNode.child(list.build());
            keyIndexList.ifPresent(k -> devicesNode.child(Node.builder("key-index-list").attr("ts", k.ts())
                    .bytes(k.signedList()).build()));
        }
        Node.Builder user = Node.builder("user").attr("jid", jid).child(devicesNode.build());
        lid.ifPresent(l -> user.child(Node.builder("lid").attr("val", l).build()));
        return user.build();
    }

    public static UserDevices fromNode(Node user) throws StanzaException {
        Nodes.requireTag(user, "user");
        WaJid jid = Nodes.jid(user, "jid");
        Node lidNode = user.child("lid");
        Optional<WaJid> lid = lidNode == null ? Optional.empty() : Nodes.optJid(lidNode, "val");
        Node devicesNode = Nodes.requireChild(user, "devices");
        Node errorNode = devicesNode.child(IqError.TAG) != null ? devicesNode.child(IqError.TAG) : user.child(IqError.TAG);
        if (errorNode != null) {
            return new UserDevices(jid, List.of(), Optional.empty(), lid, Optional.of(IqError.fromNode(errorNode)));
        }
        List<Device> devices = new ArrayList<>();
        for (Node d : Nodes.requireChild(devicesNode, "device-list").children("device")) {
            int id = Nodes.intAttr(d, "id");
            if (id < 0 || id > 0xFFFF) {
                throw new StanzaException("device", "device id out of range: " + id);
            }
            devices.add(new Device(id, Nodes.optInt(d, "key-index"), Nodes.optString(d, "is_hosted")
                    .map(v -> v.equals("true") || v.equals("1")).orElse(false)));
        }
        Node kil = devicesNode.child("key-index-list");
        Optional<KeyIndexList> keyIndex = Optional.empty();
        if (kil != null) {
            byte[] signed = kil.hasContent() ? Nodes.bytes(kil) : new byte[0];
            keyIndex = Optional.of(new KeyIndexList(Nodes.longAttr(kil, "ts"), signed));
        }
        return new UserDevices(jid, devices, keyIndex, lid, Optional.empty());
    }
}
