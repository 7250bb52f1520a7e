/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.commands;

import java.util.Objects;

import org.xmpp.packet.PacketError;

/**
 * A command was refused or failed: the XMPP error condition for ad-hoc answers and the localized text for both
 * ad-hoc and chat answers.
 */
public final class CommandRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient PacketError.Condition condition;
    private final String text;

    public CommandRefusal(PacketError.Condition condition, String text, Throwable cause) {
        super(condition + ": " + text, cause);
        this.condition = Objects.requireNonNull(condition, "condition");
        this.text = Objects.requireNonNull(text, "text");
    }

    public PacketError.Condition condition() {
        return condition;
    }

    /** Localized text for the user. */
    public String text() {
        return text;
    }
}
