/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.wabridge.core.message.Edit;
import org.wabridge.core.message.MediaContent;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.MessageRef;
import org.wabridge.core.message.Reaction;
import org.wabridge.core.message.ReplyContext;
import org.wabridge.core.message.Revoke;
import org.wabridge.core.message.TextContent;
import org.wabridge.core.message.UnsupportedContent;
import org.wabridge.openfire.i18n.Messages;
import org.wabridge.openfire.xep.Elements;
import org.wabridge.openfire.xep.xep0184.ReceiptRequest;
import org.wabridge.openfire.xep.xep0308.Replace;
import org.wabridge.openfire.xep.xep0333.Markable;
import org.wabridge.openfire.xep.xep0424.Retract;
import org.wabridge.openfire.xep.xep0428.Fallback;
import org.wabridge.openfire.xep.xep0444.Reactions;
import org.wabridge.openfire.xep.xep0461.Reply;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * WhatsApp message content → one XMPP message from the contact: text (with a XEP-0461 reply and a quote
 * fallback marked per XEP-0428), reactions (XEP-0444), edits (XEP-0308) and revokes (XEP-0424, with a
 * fallback body for old clients). Content the gateway cannot show yet (media before the relay exists,
 * unsupported kinds) becomes a short notice, never nothing. Texts for people come from i18n.
 */
public final class FromWhatsAppContent {

    private final Messages texts;

    public FromWhatsAppContent(Messages texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /**
     * @param waMessageId the WhatsApp id of the message carrying the content
     * @return the message to route to the user; the WhatsApp id is recorded in the id map
     */
    public Message convert(MessageContent content, String waMessageId, FromWhatsAppContext ctx) {
        Message m = FromWhatsAppStanzas.envelope(ctx, waMessageId);
        if (content instanceof TextContent) {
            text(m, (TextContent) content, ctx);
            requestReceipts(m);
        } else if (content instanceof Reaction) {
            Reaction r = (Reaction) content;
            List<String> emojis = r.isRemoval() ? List.of() : List.of(r.emoji());
            Elements.addTo(m, new Reactions(FromWhatsAppStanzas.xmppIdOf(ctx,
                    FromWhatsAppStanzas.seenByUser(ctx, r.target())), emojis).toElement());
        } else if (isAboutTheUsersMessage(content)) {
            // in a 1:1 chat only the author edits or deletes a message; clients that skip XEP-0308/0424's
            // sender check would otherwise let the contact rewrite or hide what the user wrote
            m.setBody(texts.get("whatsapp.gateway.foreign_change", ctx.contactJid().getNode()));
        } else if (content instanceof Edit) {
            Edit e = (Edit) content;
            m.setBody(e.newContent() instanceof TextContent ? ((TextContent) e.newContent()).body()
                    : texts.get("whatsapp.gateway.media.pending"));
            Elements.addTo(m, new Replace(FromWhatsAppStanzas.xmppIdOf(ctx,
                    FromWhatsAppStanzas.seenByUser(ctx, e.target()))).toElement());
        } else if (content instanceof Revoke) {
            MessageRef target = ((Revoke) content).target();
            Elements.addTo(m, new Retract(FromWhatsAppStanzas.xmppIdOf(ctx,
                    FromWhatsAppStanzas.seenByUser(ctx, target))).toElement());
            Elements.addTo(m, new Fallback(Retract.NAMESPACE, List.of(Fallback.Range.whole())).toElement());
            m.setBody(texts.get("whatsapp.gateway.retracted"));
        } else if (content instanceof MediaContent) {
            MediaContent media = (MediaContent) content;
            m.setBody(texts.get("whatsapp.gateway.media.pending") + media.caption().map(c -> "\n" + c).orElse(""));
            requestReceipts(m);
        } else {
            m.setBody(texts.get("whatsapp.gateway.unsupported", ((UnsupportedContent) content).description()));
        }
        ctx.ids().put(ctx.user(), waMessageId, new MessageRef(ctx.chatJid(), false, waMessageId, Optional.empty()));
        return m;
    }

    /** An edit or revoke whose target is, from the contact's side, not its own message. */
    private static boolean isAboutTheUsersMessage(MessageContent content) {
        return content instanceof Edit && !((Edit) content).target().fromMe()
                || content instanceof Revoke && !((Revoke) content).target().fromMe();
    }

    private void text(Message m, TextContent text, FromWhatsAppContext ctx) {
        if (text.reply().isEmpty()) {
            m.setBody(text.body());
            return;
        }
        ReplyContext reply = text.reply().get();
        boolean quotesUser = reply.participant().map(p -> !p.equals(ctx.contact().toString())).orElse(false);
        // 1:1: the chat is the contact whatever remoteJid the sender wrote (from its side it is the user)
        MessageRef quoted = new MessageRef(ctx.chatJid(), quotesUser, reply.quotedId(), Optional.empty());
        JID author = quotesUser ? ctx.user() : ctx.contactJid();
        Elements.addTo(m, new Reply(Optional.of(author), FromWhatsAppStanzas.xmppIdOf(ctx, quoted)).toElement());
        Optional<String> preview = reply.quotedPreview().filter(TextContent.class::isInstance)
                .map(c -> ((TextContent) c).body());
        if (preview.isEmpty()) {
            m.setBody(text.body());
            return;
        }
        String quote = quoteLines(preview.get());
        m.setBody(quote + text.body());
        int end = quote.codePointCount(0, quote.length());
        Elements.addTo(m, new Fallback(Reply.NAMESPACE, List.of(Fallback.Range.of(0, end))).toElement());
    }

    /** XEP-0393 block quote of every line, ending with a newline. */
    static String quoteLines(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (String line : text.split("\n", -1)) {
            out.append("> ").append(line).append('\n');
        }
        return out.toString();
    }

    private static void requestReceipts(Message m) {
        Elements.addTo(m, ReceiptRequest.INSTANCE.toElement());
        Elements.addTo(m, Markable.INSTANCE.toElement());
    }
}
