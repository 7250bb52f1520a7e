/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.wabridge.core.proto.WaMessageProtos.ContextInfo;
import org.wabridge.core.proto.WaMessageProtos.Message;
import org.wabridge.core.proto.WaMessageProtos.MessageKey;
import org.wabridge.core.proto.WaMessageProtos.ProtocolMessage;
import org.wabridge.core.proto.WaMessageProtos.ReactionMessage;

/**
 * WhatsApp → bridge: turns a decrypted, unpadded {@code Message} protobuf into {@link MessageContent}
 * (whatsapp-protocol.md §6). Anything without a model (other message types, protocol messages other than
 * revoke and edit, incomplete keys, view-once media) becomes {@link UnsupportedContent} with the original
 * bytes. Pure functions, no I/O.
 */
public final class FromWaProto {
    private FromWaProto() {
    }

    /**
     * Parses and converts the plaintext of an {@code <enc v="2">} after padding removal.
     *
     * @throws MessageDecodeException if the bytes are not a {@code Message} protobuf
     */
    public static DecodedMessage fromBytes(byte[] message) throws MessageDecodeException {
        Objects.requireNonNull(message, "message");
        try {
            return fromProto(Message.parseFrom(message));
        } catch (InvalidProtocolBufferException e) {
            throw new MessageDecodeException(message.length, e);
        }
    }

    /** Converts a parsed {@code Message}, unwrapping a {@code DeviceSentMessage} (§6.4). */
    public static DecodedMessage fromProto(Message message) {
        Objects.requireNonNull(message, "message");
        if (message.hasDeviceSentMessage() && message.getDeviceSentMessage().hasMessage()) {
            var sent = message.getDeviceSentMessage();
            Optional<String> chat = sent.hasDestinationJid() ? Optional.of(sent.getDestinationJid()) : Optional.empty();
            return new DecodedMessage(content(sent.getMessage()), chat);
        }
        return new DecodedMessage(content(message), Optional.empty());
    }

    /** The content of one {@code Message}; never null, {@link UnsupportedContent} when not modelled. */
    public static MessageContent content(Message m) {
        if (m.hasProtocolMessage()) {
            return protocol(m, m.getProtocolMessage());
        }
        if (m.hasEditedMessage()) {
            Message inner = m.getEditedMessage().getMessage();
            return inner.hasProtocolMessage() ? protocol(m, inner.getProtocolMessage())
                    : unsupported("editedMessage without protocolMessage", m);
        }
        if (m.hasReactionMessage()) {
            return reaction(m, m.getReactionMessage());
        }
        if (m.hasConversation()) {
            return TextContent.of(m.getConversation());
        }
        if (m.hasExtendedTextMessage()) {
            var x = m.getExtendedTextMessage();
            return new TextContent(x.getText(), reply(x.hasContextInfo(), x.getContextInfo()),
                    x.getContextInfo().getMentionedJidList());
        }
        Optional<MessageContent> media = FromWaMediaProto.media(m);
        if (media.isPresent()) {
            return media.get();
        }
        return unsupported("no modelled content; fields " + fieldNumbers(m), m);
    }

    private static MessageContent protocol(Message whole, ProtocolMessage p) {
        if (!p.hasType()) {
            return unsupported("protocolMessage without a known type", whole);
        }
        Optional<MessageRef> target = ref(p.hasKey(), p.getKey());
        if (target.isEmpty()) {
            return unsupported("protocolMessage " + p.getType() + " without a complete key", whole);
        }
        switch (p.getType()) {
            case REVOKE:
                return new Revoke(target.get());
            case MESSAGE_EDIT:
                if (!p.hasEditedMessage()) {
                    return unsupported("MESSAGE_EDIT without editedMessage", whole);
                }
                MessageContent replacement = content(p.getEditedMessage());
                if (!(replacement instanceof TextContent) && !(replacement instanceof MediaContent)) {
                    return unsupported("MESSAGE_EDIT of content without a model", whole);
                }
                OptionalLong ts = p.hasTimestampMs() ? OptionalLong.of(p.getTimestampMs()) : OptionalLong.empty();
                return new Edit(target.get(), replacement, ts);
            default:
                return unsupported("protocolMessage type " + p.getType(), whole);
        }
    }

    private static MessageContent reaction(Message whole, ReactionMessage r) {
        Optional<MessageRef> target = ref(r.hasKey(), r.getKey());
        if (target.isEmpty()) {
            return unsupported("reactionMessage without a complete key", whole);
        }
        OptionalLong ts = r.hasSenderTimestampMs() ? OptionalLong.of(r.getSenderTimestampMs()) : OptionalLong.empty();
        return new Reaction(target.get(), r.getText(), ts);
    }

    /** A key needs at least the chat and a non-empty id to name a message. */
    static Optional<MessageRef> ref(boolean present, MessageKey k) {
        if (!present || !k.hasRemoteJid() || k.getId().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> participant = k.hasParticipant() ? Optional.of(k.getParticipant()) : Optional.empty();
        return Optional.of(new MessageRef(k.getRemoteJid(), k.getFromMe(), k.getId(), participant));
    }

    /** A reply needs a non-empty stanzaId; other context (forwarding, expiry) is not modelled. */
    static Optional<ReplyContext> reply(boolean present, ContextInfo c) {
        if (!present || c.getStanzaId().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReplyContext(c.getStanzaId(),
                c.hasParticipant() ? Optional.of(c.getParticipant()) : Optional.empty(),
                c.hasRemoteJid() ? Optional.of(c.getRemoteJid()) : Optional.empty(),
                c.hasQuotedMessage() ? Optional.of(content(c.getQuotedMessage())) : Optional.empty()));
    }

    static UnsupportedContent unsupported(String description, Message m) {
        return new UnsupportedContent(description, Octets.of(m.toByteArray()));
    }

    private static TreeSet<Integer> fieldNumbers(Message m) {
        TreeSet<Integer> numbers = new TreeSet<>();
        for (FieldDescriptor f : m.getAllFields().keySet()) {
            numbers.add(f.getNumber());
        }
        numbers.addAll(m.getUnknownFields().asMap().keySet());
        return numbers;
    }
}
