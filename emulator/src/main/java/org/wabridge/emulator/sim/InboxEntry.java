/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.sim;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.Edit;
import org.wabridge.core.message.MediaContent;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.Reaction;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.message.Revoke;
import org.wabridge.core.message.TextContent;

/**
 * One thing a simulated user's device received, already decrypted and typed. Exactly one of {@code content},
 * {@code receipt}, {@code chatState} or {@code available} is present, as {@link #kind()} says.
 *
 * @param seq       position in the user's inbox (1, 2, …), for "everything since" queries
 * @param device    which of the user's devices received it
 * @param messageId the WhatsApp message id (empty for receipts, chat states and presence)
 * @param chatJid   the chat (the peer of a 1:1 chat; for receipts the peer who sent them)
 * @param senderJid the sending device when known
 * @param fromMe    true for the copy of a message another device of the same user sent
 */
public record InboxEntry(long seq, int device, Kind kind, String messageId, String chatJid,
                         Optional<String> senderJid, boolean fromMe, Instant timestamp,
                         Optional<MessageContent> content, Optional<Receipt> receipt, Optional<ChatState> chatState,
                         Optional<Boolean> available) {

    /** What arrived. */
    public enum Kind {
        TEXT, REPLY, MEDIA, REACTION, EDIT, REVOKE, UNSUPPORTED, UNDECRYPTABLE, RECEIPT, CHAT_STATE, PRESENCE
    }

    public InboxEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(chatJid, "chatJid");
        Objects.requireNonNull(senderJid, "senderJid");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(chatState, "chatState");
        Objects.requireNonNull(available, "available");
    }

    /** The kind of a message's content (a text with a reply context is a {@link Kind#REPLY}). */
    public static Kind kindOf(MessageContent content) {
        if (content instanceof TextContent) {
            return ((TextContent) content).reply().isPresent() ? Kind.REPLY : Kind.TEXT;
        }
        if (content instanceof MediaContent) {
            return Kind.MEDIA;
        }
        if (content instanceof Reaction) {
            return Kind.REACTION;
        }
        if (content instanceof Edit) {
            return Kind.EDIT;
        }
        if (content instanceof Revoke) {
            return Kind.REVOKE;
        }
        return Kind.UNSUPPORTED;
    }

    /** True for received messages (as opposed to receipts, chat states and presence). */
    public boolean isMessage() {
        return content.isPresent() || kind == Kind.UNDECRYPTABLE;
    }

    /** The text of a text or reply, the new text of an edit, the caption of media; otherwise empty. */
    public Optional<String> text() {
        MessageContent c = content.orElse(null);
        if (c instanceof TextContent) {
            return Optional.of(((TextContent) c).body());
        }
        if (c instanceof Edit && ((Edit) c).newContent() instanceof TextContent) {
            return Optional.of(((TextContent) ((Edit) c).newContent()).body());
        }
        if (c instanceof MediaContent) {
            return ((MediaContent) c).caption();
        }
        return Optional.empty();
    }

    @Override
    public String toString() { // no bodies: entries end up in assertion messages and logs
        return "InboxEntry[" + seq + " dev " + device + " " + kind + " id=" + messageId + " fromMe=" + fromMe + "]";
    }
}
