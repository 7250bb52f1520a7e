/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import java.util.Objects;

import org.wabridge.openfire.commands.ChatCommands;
import org.wabridge.openfire.xep.xep0050.AdHocCommands;

/** The two front ends of the user commands the component serves on its own JID. */
public record GatewayCommands(AdHocCommands adHoc, ChatCommands chat) {
    public GatewayCommands {
        Objects.requireNonNull(adHoc, "adHoc");
        Objects.requireNonNull(chat, "chat");
    }
}
