/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.wabridge.core.binary.Node;

/**
 * {@code <failure reason [code] [expire] [message] [location]/>} (whatsapp-protocol.md §5.12). The numeric
 * {@code reason} is kept as is, so unknown codes survive; {@link #reason()} classifies it. For a temporary ban
 * (402) {@code code} is the ban code and {@code expire} the seconds until it ends.
 */
public record ConnectFailure(int reasonCode, Optional<String> code, OptionalLong expireSeconds,
        Optional<String> message, Optional<String> location) implements ConnectOutcome {
    public static final String TAG = "failure";

    public ConnectFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expireSeconds, "expireSeconds");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    public static ConnectFailure of(FailureReason reason) {
        if (reason == FailureReason.UNKNOWN) {
            throw new IllegalArgumentException("use the numeric constructor for unknown codes");
        }
        return new ConnectFailure(reason.code(), Optional.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.empty());
    }

    public static ConnectFailure tempBanned(String banCode, long expireSeconds) {
        return new ConnectFailure(FailureReason.TEMP_BANNED.code(), Optional.of(banCode),
                OptionalLong.of(expireSeconds), Optional.empty(), Optional.empty());
    }

    public ConnectFailure withMessage(String text) {
        return new ConnectFailure(reasonCode, code, expireSeconds, Optional.of(text), location);
    }

    public FailureReason reason() {
        return FailureReason.fromCode(reasonCode);
    }

    @Override
    public Node toNode() {
        Node.Builder b = Node.builder(TAG).attr("reason", reasonCode);
        location.ifPresent(v -> b.attr("location", v));
        code.ifPresent(v -> b.attr("code", v));
        expireSeconds.ifPresent(v -> b.attr("expire", v));
        message.ifPresent(v -> b.attr("message", v));
        return b.build();
    }

    public static ConnectFailure fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        return new ConnectFailure(Nodes.intAttr(node, "reason"), Nodes.optString(node, "code"),
                Nodes.optLong(node, "expire"), Nodes.optString(node, "message"), Nodes.optString(node, "location"));
    }
}
