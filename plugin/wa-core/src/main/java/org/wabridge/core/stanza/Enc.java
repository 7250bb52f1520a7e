/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.wabridge.core.binary.Node;
import org.wabridge.core.signal.CiphertextKind;

/**
 * {@code <enc v type [mediatype] [count] [decrypt-fail]>ciphertext</enc>} (whatsapp-protocol.md §5.4, §5.6).
 * {@code type} is kept as text because WhatsApp has kinds beyond the Signal port's (e.g. {@code msmsg});
 * {@link #kind()} maps the Signal ones.
 */
public record Enc(String type, int v, Optional<String> mediaType, OptionalInt count, Optional<String> decryptFail,
        byte[] ciphertext) {
    public static final String TAG = "enc";
    /** v="2": WhatsApp E2E protobuf payload, padded. */
    public static final int V2 = 2;

    public Enc {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(decryptFail, "decryptFail");
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    }

    /** A v=2 enc of a Signal ciphertext. */
    public static Enc of(CiphertextKind kind, byte[] ciphertext) {
        return new Enc(kind.wireName(), V2, Optional.empty(), OptionalInt.empty(), Optional.empty(), ciphertext);
    }

    public Enc withMediaType(String value) {
        return new Enc(type, v, Optional.of(value), count, decryptFail, ciphertext);
    }

    public Enc withCount(int value) {
        return new Enc(type, v, mediaType, OptionalInt.of(value), decryptFail, ciphertext);
    }

    /** {@code decrypt-fail="hide"}: for edits, reactions and poll votes. */
    public Enc hiddenOnDecryptFail() {
        return new Enc(type, v, mediaType, count, Optional.of("hide"), ciphertext);
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** The Signal ciphertext kind, empty for kinds the Signal port does not handle. */
    public Optional<CiphertextKind> kind() {
        for (CiphertextKind kind : CiphertextKind.values()) {
            if (kind.wireName().equals(type)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public Node toNode() {
        Node.Builder b = Node.builder(TAG).attr("v", v).attr("type", type);
        mediaType.ifPresent(m -> b.attr("mediatype", m));
        count.ifPresent(c -> b.attr("count", c));
        decryptFail.ifPresent(d -> b.attr("decrypt-fail", d));
        return b.bytes(ciphertext).build();
    }

    public static Enc fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        return new Enc(Nodes.string(node, "type"), Nodes.intAttr(node, "v"), Nodes.optString(node, "mediatype"),
                Nodes.optInt(node, "count"), Nodes.optString(node, "decrypt-fail"), Nodes.bytes(node));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Enc e && type.equals(e.type) && v == e.v && mediaType.equals(e.mediaType)
                && count.equals(e.count) && decryptFail.equals(e.decryptFail) && Arrays.equals(ciphertext, e.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, v, mediaType, count, decryptFail) * 31 + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "Enc[type=" + type + ", v=" + v + ", mediaType=" + mediaType + ", count=" + count
                + ", " + ciphertext.length + " bytes]";
    }
}
