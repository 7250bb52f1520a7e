/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.wabridge.core.binary.Node;
import org.wabridge.core.stanza.Nodes;
import org.wabridge.core.stanza.StanzaException;

/**
 * Media hosts and upload auth (whatsapp-protocol.md §7.4): {@code <iq xmlns="w:m" type="set"><media_conn/></iq>}
 * → {@code <media_conn auth ttl [auth_ttl] [max_buckets]><host hostname/>…</media_conn>}.
 */
public enum MediaConnIq implements IqSpec<MediaConnIq.MediaConn> {
    INSTANCE;

    public static final String NAMESPACE = "w:m";

    /** The answer; {@code auth} is a secret, so {@link #toString()} leaves it out. */
    public record MediaConn(String auth, int ttlSeconds, OptionalInt authTtlSeconds, OptionalInt maxBuckets,
            List<String> hosts) {
        public MediaConn {
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(authTtlSeconds, "authTtlSeconds");
            Objects.requireNonNull(maxBuckets, "maxBuckets");
            hosts = List.copyOf(hosts);
        }

        public static MediaConn of(String auth, int ttlSeconds, List<String> hosts) {
            return new MediaConn(auth, ttlSeconds, OptionalInt.empty(), OptionalInt.empty(), hosts);
        }

        @Override
        public String toString() {
            return "MediaConn[auth=<redacted>, ttl=" + ttlSeconds + ", hosts=" + hosts + "]";
        }
    }

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public String type() {
        return "set";
    }

    @Override
    public List<Node> requestContent() {
        return List.of(Node.of("media_conn"));
    }

    @Override
    public MediaConn parseResultContent(Node resultIq) throws StanzaException {
        Node conn = Nodes.requireChild(resultIq, "media_conn");
        List<String> hosts = new ArrayList<>();
        for (Node host : conn.children("host")) {
            hosts.add(Nodes.string(host, "hostname"));
        }
        if (hosts.isEmpty()) {
            throw new StanzaException("media_conn", "no <host>");
        }
        return new MediaConn(Nodes.string(conn, "auth"), Nodes.intAttr(conn, "ttl"), Nodes.optInt(conn, "auth_ttl"),
                Nodes.optInt(conn, "max_buckets"), hosts);
    }

    @Override
    public List<Node> resultContent(MediaConn result) {
        Node.Builder conn = Node.builder("media_conn").attr("auth", result.auth()).attr("ttl", result.ttlSeconds());
        result.authTtlSeconds().ifPresent(v -> conn.attr("auth_ttl", v));
        result.maxBuckets().ifPresent(v -> conn.attr("max_buckets", v));
        for (String host : result.hosts()) {
            conn.child(Node.builder("host").attr("hostname", host).build());
        }
        return List.of(conn.build());
    }

    public static MediaConnIq fromRequest(Node iq) throws StanzaException {
        Iqs.checkRequest(iq, NAMESPACE, "set");
        Nodes.requireChild(iq, "media_conn");
        return INSTANCE;
    }
}
