/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.Reaction;
import org.wabridge.core.message.Revoke;
import org.wabridge.core.message.WaPayload;
import org.xmpp.packet.Message;

/**
 * One XMPP message from a user to a WhatsApp contact → the WhatsApp payloads it stands for, in sending order.
 * At most one content: a retraction, else a reaction, else the body (text, reply or correction), since the
 * body of a retraction or reaction is only a fallback for old clients. Then a typing state, then a receipt.
 * An empty list means there was nothing WhatsApp understands (e.g. only an XMPP-specific extension).
 */
public final class ToWhatsAppMessage {

    private final Clock clock;

    public ToWhatsAppMessage(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws ConversionException if any part is malformed, too large or names an unusable message */
    public List<WaPayload> convert(Message stanza, ToWhatsAppContext ctx) throws ConversionException {
        List<WaPayload> out = new ArrayList<>(3);
        Optional<Revoke> revoke = ToWhatsAppRetraction.convert(stanza, ctx);
        if (revoke.isPresent()) {
            out.add(revoke.get());
        } else {
            Optional<Reaction> reaction = ToWhatsAppReaction.convert(stanza, ctx, clock.millis());
            if (reaction.isPresent()) {
                out.add(reaction.get());
            } else {
                Optional<MessageContent> text = ToWhatsAppText.convert(stanza, ctx);
                text.ifPresent(out::add);
            }
        }
        ToWhatsAppChatState.convert(stanza, ctx).ifPresent(out::add);
        ToWhatsAppReceipt.convert(stanza, ctx, clock.instant()).ifPresent(out::add);
        return out;
    }
}
