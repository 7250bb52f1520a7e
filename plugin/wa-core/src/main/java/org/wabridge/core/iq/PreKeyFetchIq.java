/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.Nodes;
import org.wabridge.core.stanza.StanzaException;

/**
 * Fetch of key bundles for devices (whatsapp-protocol.md §5.3):
 * {@code <iq xmlns="encrypt" type="get"><key><user jid [reason]/>…</key></iq>} →
 * {@code <list><user jid>bundle | <error code text/></user>…</list>}. Each device appears once in the result,
 * with a bundle or an error; the server consumes the one-time key it hands out.
 */
public record PreKeyFetchIq(List<WaJid> devices, Optional<String> reason) implements IqSpec<List<PreKeyFetchIq.UserBundle>> {
    public static final String NAMESPACE = "encrypt";
    /** {@code reason="identity"}: asked after an identity change. */
    public static final String REASON_IDENTITY = "identity";

    /** One device's answer: a bundle or an error. */
    public record UserBundle(WaJid jid, Optional<KeyBundle> bundle, Optional<IqError> error) {
        public UserBundle {
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(bundle, "bundle");
            Objects.requireNonNull(error, "error");
            if (bundle.isPresent() == error.isPresent()) {
                throw new IllegalArgumentException("a user answer has either a bundle or an error");
            }
        }

        public static UserBundle of(WaJid jid, KeyBundle bundle) {
            return new UserBundle(jid, Optional.of(bundle), Optional.empty());
        }

        public static UserBundle error(WaJid jid, IqError error) {
            return new UserBundle(jid, Optional.empty(), Optional.of(error));
        }
    }

    public PreKeyFetchIq {
        devices = List.copyOf(devices);
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("fetch at least one device");
        }
        Objects.requireNonNull(reason, "reason");
    }

    public static PreKeyFetchIq of(List<WaJid> devices) {
        return new PreKeyFetchIq(devices, Optional.empty());
    }

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public String type() {
        return "get";
    }

    @Override
    public List<Node> requestContent() {
        Node.Builder key = Node.builder("key");
        for (WaJid device : devices) {
            Node.Builder user = Node.builder("user").attr("jid", device);
            reason.ifPresent(r -> user.attr("reason", r));
            key.child(user.build());
        }
        return List.of(key.build());
    }

    @Override
    public List<UserBundle> parseResultContent(Node resultIq) throws StanzaException {
        List<UserBundle> users = new ArrayList<>();
        for (Node user : Nodes.requireChild(resultIq, "list").children("user")) {
            WaJid jid = Nodes.jid(user, "jid");
            Node error = user.child(IqError.TAG);
            users.add(error != null ? UserBundle.error(jid, IqError.fromNode(error))
                    : UserBundle.of(jid, KeyBundle.fromNode(user)));
        }
        return users;
    }

    @Override
    public List<Node> resultContent(List<UserBundle> result) {
        Node.Builder list = Node.builder("list");
        for (UserBundle user : result) {
            Node.Builder node = Node.builder("user").attr("jid", user.jid());
            if (user.error().isPresent()) {
                node.child(user.error().get().toNode());
            } else {
                node.children(user.bundle().get().userChildren());
            }
            list.child(node.build());
        }
        return List.of(list.build());
    }

    public static boolean matches(Node iq) {
        return NAMESPACE.equals(iq.attrs().optString("xmlns", null)) && iq.child("key") != null;
    }

    public static PreKeyFetchIq fromRequest(Node iq) throws StanzaException {
        Iqs.checkRequest(iq, NAMESPACE, "get");
        List<WaJid> devices = new ArrayList<>();
        Optional<String> reason = Optional.empty();
        for (Node user : Nodes.requireChild(iq, "key").children("user")) {
            devices.add(Nodes.jid(user, "jid"));
            reason = reason.or(() -> Nodes.optString(user, "reason"));
        }
        if (devices.isEmpty()) {
            throw new StanzaException("key", "no <user> to fetch");
        }
        return new PreKeyFetchIq(devices, reason);
    }
}
