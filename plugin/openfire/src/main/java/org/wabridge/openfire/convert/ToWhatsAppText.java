/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.wabridge.core.message.Edit;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.MessageRef;
import org.wabridge.core.message.ReplyContext;
import org.wabridge.core.message.TextContent;
import org.wabridge.openfire.xep.MalformedElementException;
import org.wabridge.openfire.xep.xep0308.Replace;
import org.wabridge.openfire.xep.xep0428.Fallback;
import org.wabridge.openfire.xep.xep0461.Reply;
import org.xmpp.packet.Message;

/**
 * XMPP body → WhatsApp text: a plain body, a XEP-0461 reply (the XEP-0428 quote fallback is cut from the
 * body, since WhatsApp shows its own quote), or a XEP-0308 correction, which becomes an {@link Edit} of the
 * user's earlier message.
 */
public final class ToWhatsAppText {

    /** Longest body forwarded, in UTF-16 units; WhatsApp's own clients stop at 65,536 characters. */
    public static final int MAX_BODY_CHARS = 65_536;

    private ToWhatsAppText() {
    }

    /** The body ranges that are fallbacks for extensions other than replies (XEP-0428). */
    private static List<Fallback.Range> foreignFallbacks(Message stanza) throws MalformedElementException {
        List<Fallback.Range> ranges = new ArrayList<>();
        for (String namespace : Fallback.namespaces(stanza)) {
            if (namespace.isEmpty()) {
                ranges.add(Fallback.Range.whole()); // a marker without 'for' covers the whole body
            } else if (!namespace.equals(Reply.NAMESPACE)) {
                Fallback.from(stanza, namespace).ifPresent(f -> ranges.addAll(f.bodyRanges()));
            }
        }
        return ranges;
    }

    private static List<Fallback.Range> concat(List<Fallback.Range> a, List<Fallback.Range> b) {
        List<Fallback.Range> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * @return the text or edit, or empty if the message has no body
     * @throws ConversionException TOO_LARGE, MALFORMED, EMPTY (correction without body), or an id lookup failure
     */
    public static Optional<MessageContent> convert(Message stanza, ToWhatsAppContext ctx) throws ConversionException {
        try {
            Optional<Replace> replace = Replace.from(stanza);
            String raw = stanza.getBody();
            if (raw == null) {
                if (replace.isPresent()) {
                    throw new ConversionException(ConversionException.Reason.EMPTY, "correction without a body");
                }
                return Optional.empty();
            }
            List<Fallback.Range> foreign = foreignFallbacks(stanza);
            String body = foreign.isEmpty() ? raw : new Fallback(Fallback.NAMESPACE, foreign).strip(raw);
            if (body.isBlank()) {
                // e.g. an old-style retraction (message-retract:0) whose body only explains it to old clients:
                // sending that text would post it as a new message instead of retracting anything
                throw new ConversionException(ConversionException.Reason.EMPTY,
                        "the body is only a fallback for an extension WhatsApp cannot show");
            }
            if (body.length() > MAX_BODY_CHARS) {
                throw new ConversionException(ConversionException.Reason.TOO_LARGE,
                        "body of " + body.length() + " characters, limit " + MAX_BODY_CHARS);
            }
            if (replace.isPresent()) {
                MessageRef target = ctx.ownMessage(replace.get().id(), "correction");
                return Optional.of(new Edit(target, TextContent.of(body), java.util.OptionalLong.empty()));
            }
            Optional<Reply> reply = Reply.from(stanza);
            Optional<MessageRef> quoted = reply.flatMap(r -> ctx.lookup(r.id()));
            if (quoted.isEmpty()) {
                // no reply, or a reply to a message WhatsApp never saw: keep the quote text as it is
                return Optional.of(TextContent.of(body));
            }
            // every marker's offsets count in the body as sent, so all are stripped from it in one go
            String text = Fallback.from(stanza, Reply.NAMESPACE).map(f -> new Fallback(Reply.NAMESPACE,
                    concat(f.bodyRanges(), foreign)).strip(raw)).orElse(body);
            MessageRef ref = quoted.get();
            String author = (ref.fromMe() ? ctx.self() : ctx.contact()).toString();
            ReplyContext context = new ReplyContext(ref.id(), Optional.of(author), Optional.of(ref.chatJid()),
                    Optional.empty());
            return Optional.of(new TextContent(text, Optional.of(context), List.of()));
        } catch (MalformedElementException e) {
            throw new ConversionException(ConversionException.Reason.MALFORMED, e.getMessage(), e);
        }
    }
}
