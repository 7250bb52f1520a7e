/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.commands;

import java.util.Locale;
import java.util.Optional;

/**
 * The self-service commands. The ad-hoc node and the chat word are the same lower-case name; the display name is
 * {@code whatsapp.command.<name>.name} in the plugin's bundle.
 */
public enum UserCommand {
    STATUS(false),
    RECONNECT(false),
    ADD(true),
    REMOVE(true),
    BLOCK(true),
    UNBLOCK(true),
    UNREGISTER(false);

    private final boolean takesNumber;

    UserCommand(boolean takesNumber) {
        this.takesNumber = takesNumber;
    }

    /** The ad-hoc command node and chat word. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the command needs a phone number argument. */
    public boolean takesNumber() {
        return takesNumber;
    }

    public String nameKey() {
        return "whatsapp.command." + word() + ".name";
    }

    public static Optional<UserCommand> fromWord(String word) {
        for (UserCommand c : values()) {
            if (c.word().equalsIgnoreCase(word)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
