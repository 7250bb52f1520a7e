/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine keeps about a message it sent so it can answer a retry receipt (whatsapp-protocol.md §5.8):
 * the serialized, unpadded {@code Message} protobuf and the stanza attributes a re-send repeats.
 *
 * @param messageId  the stanza id (unique per account)
 * @param chatJid    the peer the message went to, in WaJid text form
 * @param stanzaType the {@code type} attribute ({@code text}, {@code reaction}, ...)
 * @param edit       the {@code edit} attribute, if any
 * @param plaintext  the serialized {@code Message} before padding (holds the body: never log it)
 * @param sentAt     when it was sent
 */
public record SentMessageRecord(String messageId, String chatJid, String stanzaType, Optional<String> edit,
                                byte[] plaintext, Instant sentAt) {
    public SentMessageRecord {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(chatJid, "chatJid");
        Objects.requireNonNull(stanzaType, "stanzaType");
        Objects.requireNonNull(edit, "edit");
        plaintext = Objects.requireNonNull(plaintext, "plaintext").clone();
        Objects.requireNonNull(sentAt, "sentAt");
    }

    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SentMessageRecord r && r.messageId.equals(messageId) && r.chatJid.equals(chatJid)
                && r.stanzaType.equals(stanzaType) && r.edit.equals(edit)
                && java.util.Arrays.equals(r.plaintext, plaintext) && r.sentAt.equals(sentAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, chatJid, stanzaType, edit, java.util.Arrays.hashCode(plaintext), sentAt);
    }

    @Override
    public String toString() { // never the plaintext
        return "SentMessageRecord[id=" + messageId + ", type=" + stanzaType + ", sentAt=" + sentAt + "]";
    }
}
