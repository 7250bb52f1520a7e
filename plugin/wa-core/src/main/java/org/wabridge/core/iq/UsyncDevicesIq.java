/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.Nodes;
import org.wabridge.core.stanza.StanzaException;

/**
 * Device lists of users (whatsapp-protocol.md §5.2):
 * {@code <iq xmlns="usync" type="get"><usync sid mode="query" last="true" index="0" context="message">
 * <query><devices version="2"/>[<lid/>]</query><list><user jid/>…</list></usync></iq>} → per user a device list,
 * the signed key-index list, optionally the LID, or an error ({@link UserDevices}).
 */
public record UsyncDevicesIq(String sid, List<WaJid> users, boolean withLid) implements IqSpec<List<UserDevices>> {
    public static final String NAMESPACE = "usync";

    public UsyncDevicesIq {
        Objects.requireNonNull(sid, "sid");
        users = List.copyOf(users);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("query at least one user");
        }
    }

    public static UsyncDevicesIq of(String sid, List<WaJid> users) {
        return new UsyncDevicesIq(sid, users, false);
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
        Node.Builder query = Node.builder("query").child(Node.builder("devices").attr("version", "2").build());
        if (withLid) {
            query.child(Node.of("lid"));
        }
        Node.Builder list = Node.builder("list");
        for (WaJid user : users) {
            list.child(Node.builder("user").attr("jid", user).build());
        }
        return List.of(Usync.header(sid, "message").children(query.build(), list.build()).build());
    }

    @Override
    public List<UserDevices> parseResultContent(Node resultIq) throws StanzaException {
        List<UserDevices> result = new ArrayList<>();
        for (Node user : Usync.resultUsers(resultIq)) {
            result.add(UserDevices.fromNode(user));
        }
        return result;
    }

    @Override
    public List<Node> resultContent(List<UserDevices> result) {
        List<Node> users = new ArrayList<>();
        for (UserDevices user : result) {
            users.add(user.toNode());
        }
        return Usync.resultContent(sid, users);
    }

    /** True when a {@code usync} IQ queries devices (rather than a contact lookup). */
    public static boolean matches(Node iq) {
        Node usync = iq.child("usync");
        Node query = usync == null ? null : usync.child("query");
        return query != null && query.child("devices") != null;
    }

    public static UsyncDevicesIq fromRequest(Node iq) throws StanzaException {
        Iqs.checkRequest(iq, NAMESPACE, "get");
        Node usync = Nodes.requireChild(iq, "usync");
        Node query = Nodes.requireChild(usync, "query");
        Nodes.requireChild(query, "devices");
        List<WaJid> users = new ArrayList<>();
        for (Node user : Nodes.requireChild(usync, "list").children("user")) {
            users.add(Nodes.jid(user, "jid"));
        }
        if (users.isEmpty()) {
            throw new StanzaException("list", "no <user> to query");
        }
        return new UsyncDevicesIq(Nodes.string(usync, "sid"), users, query.child("lid") != null);
    }
}
