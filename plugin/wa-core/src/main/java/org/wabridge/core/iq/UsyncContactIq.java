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
 * Phone-number lookup (whatsapp-protocol.md §5.2): {@code <usync sid mode="query" last="true" index="0"
 * context="interactive"><query><contact addressing_mode="lid"/></query><list><user><contact>+49…</contact>
 * </user>…</list></usync>} → per number {@code <user jid><contact type="in|out">+49…</contact>[<lid val/>]</user>}.
 */
public record UsyncContactIq(String sid, List<String> phones) implements IqSpec<List<UsyncContactIq.Contact>> {
    public static final String NAMESPACE = "usync";

    /** One looked-up number: {@code registered} is {@code type="in"}. */
    public record Contact(String query, WaJid jid, boolean registered, Optional<WaJid> lid) {
        public Contact {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(lid, "lid");
        }
    }

    public UsyncContactIq {
        Objects.requireNonNull(sid, "sid");
        phones = List.copyOf(phones);
        if (phones.isEmpty()) {
            throw new IllegalArgumentException("look up at least one number");
        }
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
        Node query = Node.builder("query").child(Node.builder("contact").attr("addressing_mode", "lid").build()).build();
        Node.Builder list = Node.builder("list");
        for (String phone : phones) {
            list.child(Node.builder("user").child(Node.builder("contact").text(phone).build()).build());
        }
        return List.of(Usync.header(sid, "interactive").children(query, list.build()).build());
    }

    @Override
    public List<Contact> parseResultContent(Node resultIq) throws StanzaException {
        List<Contact> contacts = new ArrayList<>();
        for (Node user : Usync.resultUsers(resultIq)) {
            Node contact = Nodes.requireChild(user, "contact");
            String query = contact.contentText();
            if (query == null) {
                throw new StanzaException("contact", "missing the looked-up number");
            }
            String type = Nodes.string(contact, "type");
            if (!type.equals("in") && !type.equals("out")) {
                throw new StanzaException("contact", "type must be in or out, got '" + type + "'");
            }
            Node lid = user.child("lid");
            contacts.add(new Contact(query, Nodes.jid(user, "jid"), type.equals("in"),
                    lid == null ? Optional.empty() : Nodes.optJid(lid, "val")));
        }
        return contacts;
    }

    @Override
    public List<Node> resultContent(List<Contact> result) {
        List<Node> users = new ArrayList<>();
        for (Contact c : result) {
            Node.Builder user = Node.builder("user").attr("jid", c.jid())
                    .child(Node.builder("contact").attr("type", c.registered() ? "in" : "out").text(c.query()).build());
            c.lid().ifPresent(l -> user.child(Node.builder("lid").attr("val", l).build()));
            users.add(user.build());
        }
        return Usync.resultContent(sid, users);
    }

    public static boolean matches(Node iq) {
        Node usync = iq.child("usync");
        Node query = usync == null ? null : usync.child("query");
        return query != null && query.child("contact") != null;
    }

    public static UsyncContactIq fromRequest(Node iq) throws StanzaException {
        Iqs.checkRequest(iq, NAMESPACE, "get");
        Node usync = Nodes.requireChild(iq, "usync");
        Nodes.requireChild(Nodes.requireChild(usync, "query"), "contact");
        List<String> phones = new ArrayList<>();
        for (Node user : Nodes.requireChild(usync, "list").children("user")) {
            String phone = Nodes.requireChild(user, "contact").contentText();
            if (phone == null || phone.isEmpty()) {
                throw new StanzaException("contact", "empty number");
            }
            phones.add(phone);
        }
        if (phones.isEmpty()) {
            throw new StanzaException("list", "no <user> to look up");
        }
        return new UsyncContactIq(Nodes.string(usync, "sid"), phones);
    }
}
