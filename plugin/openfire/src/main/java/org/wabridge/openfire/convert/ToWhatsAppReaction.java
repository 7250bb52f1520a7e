/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import java.util.Optional;
import java.util.OptionalLong;

import org.wabridge.core.message.MessageRef;
import org.wabridge.core.message.Reaction;
import org.wabridge.openfire.xep.MalformedElementException;
import org.wabridge.openfire.xep.xep0444.Reactions;
import org.xmpp.packet.Message;

/**
 * XEP-0444 reactions → one WhatsApp reaction. WhatsApp keeps one reaction per person, so an XMPP set of
 * several emoji is refused (TOO_MANY_REACTIONS) rather than silently cut; an empty set removes the reaction.
 */
public final class ToWhatsAppReaction {

    private ToWhatsAppReaction() {
    }

    /** @throws ConversionException MALFORMED, UNKNOWN_MESSAGE or TOO_MANY_REACTIONS */
    public static Optional<Reaction> convert(Message stanza, ToWhatsAppContext ctx, long nowMs)
            throws ConversionException {
        Optional<Reactions> reactions;
        try {
            reactions = Reactions.from(stanza);
        } catch (MalformedElementException e) {
            throw new ConversionException(ConversionException.Reason.MALFORMED, e.getMessage(), e);
        }
        if (reactions.isEmpty()) {
            return Optional.empty();
        }
        Reactions r = reactions.get();
        if (r.emojis().size() > 1) {
            throw new ConversionException(ConversionException.Reason.TOO_MANY_REACTIONS,
                    r.emojis().size() + " reactions, WhatsApp keeps one");
        }
        MessageRef target = ctx.lookup(r.id()).orElseThrow(() -> new ConversionException(
                ConversionException.Reason.UNKNOWN_MESSAGE, "reaction names an unknown message"));
        String emoji = r.emojis().isEmpty() ? "" : r.emojis().get(0);
        return Optional.of(new Reaction(target, emoji, OptionalLong.of(nowMs)));
    }
}
