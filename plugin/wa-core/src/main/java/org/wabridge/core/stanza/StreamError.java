/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.wabridge.core.binary.Node;

/**
 * {@code <stream:error [code]>[<conflict type/>][<text>…</text>]</stream:error>} (whatsapp-protocol.md §5.12).
 * {@link #kind()} classifies it; the raw code, conflict type and text are kept.
 */
public record StreamError(OptionalInt code, Optional<String> conflictType, Optional<String> text)
        implements StreamTermination {
    public static final String TAG = "stream:error";

    /** What a stream error means for the client. */
    public enum Kind {
        /** 515: reconnect immediately. */
        RESTART_REQUIRED,
        /** 503: server restart, normal reconnect. */
        SERVICE_UNAVAILABLE,
        /** 401 with conflict device_removed: logged out, delete the session. */
        DEVICE_REMOVED,
        /** conflict replaced: another connection for this device took over; do not reconnect blindly. */
        REPLACED,
        /** 413: token expired, refresh then reconnect. */
        TOKEN_EXPIRED,
        /** 414: token invalid, refresh then reconnect. */
        TOKEN_INVALID,
        UNKNOWN
    }

    public StreamError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(conflictType, "conflictType");
        Objects.requireNonNull(text, "text");
    }

    public static StreamError restartRequired() {
        return withCode(515);
    }

    public static StreamError serviceUnavailable() {
        return withCode(503);
    }

    public static StreamError tokenExpired() {
        return withCode(413);
    }

    public static StreamError tokenInvalid() {
        return withCode(414);
    }

    public static StreamError deviceRemoved() {
        return new StreamError(OptionalInt.of(401), Optional.of("device_removed"), Optional.empty());
    }

    public static StreamError replaced() {
        return new StreamError(OptionalInt.empty(), Optional.of("replaced"), Optional.empty());
    }

    public static StreamError withCode(int code) {
        return new StreamError(OptionalInt.of(code), Optional.empty(), Optional.empty());
    }

    public Kind kind() {
        if (conflictType.isPresent()) {
            switch (conflictType.get()) {
                case "replaced": return Kind.REPLACED;
                case "device_removed": return Kind.DEVICE_REMOVED;
                default: return Kind.UNKNOWN;
            }
        }
        if (code.isEmpty()) {
            return Kind.UNKNOWN;
        }
        switch (code.getAsInt()) {
            case 515: return Kind.RESTART_REQUIRED;
            case 503: return Kind.SERVICE_UNAVAILABLE;
            case 413: return Kind.TOKEN_EXPIRED;
            case 414: return Kind.TOKEN_INVALID;
            default: return Kind.UNKNOWN;
        }
    }

    @Override
    public Node toNode() {
        Node.Builder b = Node.builder(TAG);
        code.ifPresent(c -> b.attr("code", c));
        conflictType.ifPresent(t -> b.child(Node.builder("conflict").attr("type", t).build()));
        text.ifPresent(t -> b.child(Node.builder("text").text(t).build()));
        return b.build();
    }

    public static StreamError fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        Optional<String> conflict = Optional.empty();
        Node conflictNode = node.child("conflict");
        if (conflictNode != null) {
            // The mobile-era form is a bare <conflict/> with a <text>: it meant "replaced" (§5.12).
            conflict = Optional.of(Nodes.optString(conflictNode, "type").orElse("replaced"));
        }
        Node textNode = node.child("text");
        Optional<String> text = textNode == null ? Optional.empty() : Optional.ofNullable(textNode.contentText());
        return new StreamError(Nodes.optInt(node, "code"), conflict, text);
    }
}
