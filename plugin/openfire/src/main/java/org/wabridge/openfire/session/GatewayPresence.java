/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.session;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.wabridge.core.client.EngineState;
import org.wabridge.openfire.i18n.Messages;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * The gateway's own presence towards a user, showing the state of the user's WhatsApp session: available
 * when ONLINE; away while connecting or waiting to retry; extended away when a person must act (token
 * refused, temporary ban, replaced, removed); unavailable when stopped. The status text says why, from the
 * i18n keys {@code whatsapp.presence.<phase>} with the engine's last error appended when there is one.
 */
public final class GatewayPresence {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private GatewayPresence() {
    }

    /** @return the presence from {@code gateway} to {@code user} for {@code state} */
    public static Presence of(EngineState state, JID gateway, JID user, Messages texts) {
        Presence p = new Presence();
        p.setFrom(gateway);
        p.setTo(user);
        switch (state.phase()) {
            case ONLINE:
                break;
            case CONNECTING:
            case BACKOFF:
                p.setShow(Presence.Show.away);
                break;
            case STOPPED:
                p.setType(Presence.Type.unavailable);
                break;
            default:
                p.setShow(Presence.Show.xa);
                break;
        }
        p.setStatus(describe(state, texts));
        return p;
    }

    /** @return the state in words, with the engine's last error when it is not online (status text, admin page) */
    public static String describe(EngineState state, Messages texts) {
        String until = state.until().map(TIME::format).orElse("");
        String text = texts.get("whatsapp.presence." + state.phase().name().toLowerCase(Locale.ROOT), until);
        String reason = state.lastError().filter(e -> state.phase() != EngineState.Phase.ONLINE)
                .map(e -> " (" + e + ")").orElse("");
        return text + reason;
    }
}
