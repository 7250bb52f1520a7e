/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.proto.WaMessageProtos.ContextInfo;
import org.wabridge.core.proto.WaMessageProtos.DeviceSentMessage;
import org.wabridge.core.proto.WaMessageProtos.ExtendedTextMessage;
import org.wabridge.core.proto.WaMessageProtos.FutureProofMessage;
import org.wabridge.core.proto.WaMessageProtos.Message;
import org.wabridge.core.proto.WaMessageProtos.MessageKey;
import org.wabridge.core.proto.WaMessageProtos.ProtocolMessage;
import org.wabridge.core.proto.WaMessageProtos.ReactionMessage;

/**
 * Bridge → WhatsApp: turns {@link MessageContent} into the {@code Message} protobuf (whatsapp-protocol.md §6)
 * and names the stanza attributes that go with it (§5.4, §6.3). Pure functions, no I/O.
 */
public final class ToWaProto {
    private ToWaProto() {
    }

    /** The serialized {@code Message}, ready for {@link MessagePadding#pad}. */
    public static byte[] toBytes(MessageContent content) {
        return toProto(content).toByteArray();
    }

    /** The {@code Message} protobuf for {@code content}. */
    public static Message toProto(MessageContent content) {
        Objects.requireNonNull(content, "content");
        if (content instanceof TextContent text) {
            return text(text);
        } else if (content instanceof MediaContent media) {
            return ToWaMediaProto.media(media);
        } else if (content instanceof Reaction reaction) {
            return reaction(reaction);
        } else if (content instanceof Edit edit) {
            return edit(edit);
        } else if (content instanceof Revoke revoke) {
            return revoke(revoke);
        } else if (content instanceof UnsupportedContent unsupported) {
            return unsupported(unsupported);
        }
        throw new IllegalArgumentException("unknown content " + content.getClass());
    }

    /**
     * The copy for the sender's own other devices: {@code deviceSentMessage {destinationJid, message}} plus
     * the original's {@code messageContextInfo} (§6.4).
     */
    public static Message wrapForOwnDevices(Message original, String destinationChatJid) {
        Message.Builder wrapper = Message.newBuilder()
                .setDeviceSentMessage(DeviceSentMessage.newBuilder()
                        .setDestinationJid(destinationChatJid)
                        .setMessage(original));
        if (original.hasMessageContextInfo()) {
            wrapper.setMessageContextInfo(original.getMessageContextInfo());
        }
        return wrapper.build();
    }

    /** The {@code <message type=…>} attribute: text, media or reaction (§5.4). */
    public static String stanzaType(MessageContent content) {
        if (content instanceof MediaContent) {
            return "media";
        }
        if (content instanceof Reaction) {
            return "reaction";
        }
        return "text";
    }

    /** The {@code <message edit=…>} attribute: "1" for an edit, "7" for revoking an own message (§6.3). */
    public static Optional<String> editAttribute(MessageContent content) {
        if (content instanceof Edit) {
            return Optional.of("1");
        }
        if (content instanceof Revoke) {
            return Optional.of("7");
        }
        return Optional.empty();
    }

    /** Whether {@code <enc>} gets {@code decrypt-fail="hide"}: edits and reactions (§5.4). */
    public static boolean hideOnDecryptFailure(MessageContent content) {
        return content instanceof Edit || content instanceof Reaction;
    }

    private static Message text(TextContent text) {
        if (text.reply().isEmpty() && text.mentions().isEmpty()) {
            return Message.newBuilder().setConversation(text.body()).build();
        }
        return Message.newBuilder()
                .setExtendedTextMessage(ExtendedTextMessage.newBuilder()
                        .setText(text.body())
                        .setContextInfo(contextInfo(text.reply(), text.mentions())))
                .build();
    }

    private static Message reaction(Reaction reaction) {
        ReactionMessage.Builder r = ReactionMessage.newBuilder()
                .setKey(key(reaction.target()))
                .setText(reaction.emoji());
        reaction.senderTimestampMs().ifPresent(r::setSenderTimestampMs);
        return Message.newBuilder().setReactionMessage(r).build();
    }

    private static Message revoke(Revoke revoke) {
        return Message.newBuilder()
                .setProtocolMessage(ProtocolMessage.newBuilder()
                        .setKey(key(revoke.target()))
                        .setType(ProtocolMessage.Type.REVOKE))
                .build();
    }

    private static Message edit(Edit edit) {
        ProtocolMessage.Builder p = ProtocolMessage.newBuilder()
                .setKey(key(edit.target()))
                .setType(ProtocolMessage.Type.MESSAGE_EDIT)
                .setEditedMessage(toProto(edit.newContent()));
        edit.timestampMs().ifPresent(p::setTimestampMs);
        return Message.newBuilder()
                .setEditedMessage(FutureProofMessage.newBuilder()
                        .setMessage(Message.newBuilder().setProtocolMessage(p)))
                .build();
    }

    private static Message unsupported(UnsupportedContent unsupported) {
        try {
            return Message.parseFrom(unsupported.rawMessage().toByteArray());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("unsupported content does not hold a Message protobuf", e);
        }
    }

    static MessageKey key(MessageRef ref) {
        MessageKey.Builder k = MessageKey.newBuilder()
                .setRemoteJid(ref.chatJid())
                .setFromMe(ref.fromMe())
                .setId(ref.id());
        ref.participant().ifPresent(k::setParticipant);
        return k.build();
    }

    static ContextInfo contextInfo(Optional<ReplyContext> reply, List<String> mentions) {
        ContextInfo.Builder c = ContextInfo.newBuilder();
        reply.ifPresent(r -> {
            c.setStanzaId(r.quotedId());
            r.participant().ifPresent(c::setParticipant);
            r.chatJid().ifPresent(c::setRemoteJid);
            r.quotedPreview().ifPresent(q -> c.setQuotedMessage(toProto(q)));
        });
        c.addAllMentionedJid(mentions);
        return c.build();
    }

    static boolean needsContext(Optional<ReplyContext> reply, List<String> mentions) {
        return reply.isPresent() || !mentions.isEmpty();
    }

    static ByteString bytes(Octets octets) {
        return ByteString.copyFrom(octets.toByteArray());
    }
}
