/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wabridge.core.proto.WaMessageProtos.DocumentMessage;
import org.wabridge.core.proto.WaMessageProtos.FutureProofMessage;
import org.wabridge.core.proto.WaMessageProtos.ImageMessage;
import org.wabridge.core.proto.WaMessageProtos.Message;
import org.wabridge.core.proto.WaMessageProtos.MessageContextInfo;
import org.wabridge.core.proto.WaMessageProtos.MessageKey;
import org.wabridge.core.proto.WaMessageProtos.ProtocolMessage;
import org.wabridge.core.proto.WaMessageProtos.ReactionMessage;
import org.wabridge.core.proto.WaMessageProtos.SenderKeyDistributionMessage;

/** Model → protobuf → model is the identity for every kind; what has no model stays as UnsupportedContent. */
class MessageConverterRoundTripTest {
    private static final HexFormat HEX = HexFormat.of();

    static Stream<MessageContent> samples() {
        return MessageSamples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripThroughProtoAndBytes(MessageContent content) throws Exception {
        assertEquals(content, FromWaProto.content(ToWaProto.toProto(content)));
        DecodedMessage decoded = FromWaProto.fromBytes(ToWaProto.toBytes(content));
        assertEquals(content, decoded.content());
        assertEquals(Optional.empty(), decoded.sentToChat());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripThroughPaddingAndDeviceSentWrapper(MessageContent content) throws Exception {
        // Given the copy for our own other devices, padded as before Signal encryption
        Message wrapped = ToWaProto.wrapForOwnDevices(ToWaProto.toProto(content), MessageSamples.BOB);
        byte[] padded = new MessagePadding(new java.util.Random(3)).pad(wrapped.toByteArray());
        // When unpadded and decoded
        DecodedMessage decoded = FromWaProto.fromBytes(MessagePadding.unpad(padded));
        // Then the original content and the destination chat come back
        assertEquals(content, decoded.content());
        assertEquals(Optional.of(MessageSamples.BOB), decoded.sentToChat());
    }

    @Test
    void deviceSentWrapperKeepsTheMessageContextInfo() {
        Message original = ToWaProto.toProto(TextContent.of("hi")).toBuilder()
                .setMessageContextInfo(MessageContextInfo.newBuilder().setMessageSecret(com.google.protobuf.ByteString.copyFrom(new byte[32])))
                .build();
        Message wrapped = ToWaProto.wrapForOwnDevices(original, MessageSamples.BOB);
        assertEquals(original.getMessageContextInfo(), wrapped.getMessageContextInfo());
        assertEquals(original, wrapped.getDeviceSentMessage().getMessage());
    }

    @Test
    void unknownMessageTypeIsUnsupportedWithItsBytes() throws Exception {
        // Given a locationMessage (field 5), which this bridge has no model for, written by hand
        byte[] raw = HEX.parseHex("2a09090000000000000040");
        // When decoded
        MessageContent content = FromWaProto.fromBytes(raw).content();
        // Then it is reported, with the bytes intact for re-encoding
        UnsupportedContent unsupported = assertInstanceOf(UnsupportedContent.class, content);
        assertEquals("no modelled content; fields [5]", unsupported.description());
        assertArrayEquals(raw, unsupported.rawMessage().toByteArray());
        assertArrayEquals(raw, ToWaProto.toBytes(unsupported));
    }

    @Test
    void emptyAndSenderKeyOnlyMessagesAreUnsupported() throws Exception {
        assertEquals("no modelled content; fields []",
                ((UnsupportedContent) FromWaProto.fromBytes(new byte[0]).content()).description());
        Message skdm = Message.newBuilder().setSenderKeyDistributionMessage(
                SenderKeyDistributionMessage.newBuilder().setGroupId("g@g.us")).build();
        assertEquals("no modelled content; fields [2]", ((UnsupportedContent) FromWaProto.content(skdm)).description());
    }

    @Test
    void otherProtocolMessagesAreUnsupportedNotRevokes() {
        MessageKey key = MessageKey.newBuilder().setRemoteJid(MessageSamples.BOB).setId("X").build();
        Message ephemeral = Message.newBuilder().setProtocolMessage(ProtocolMessage.newBuilder()
                .setKey(key).setType(ProtocolMessage.Type.EPHEMERAL_SETTING)).build();
        assertEquals("protocolMessage type EPHEMERAL_SETTING",
                ((UnsupportedContent) FromWaProto.content(ephemeral)).description());
        // an enum value unknown to us (99) must not read as the default REVOKE (0)
        // 12 {1 key {1 "b", 3 "X"}, 2 type = 99}
        byte[] unknownType = HEX.parseHex("620a" + "0a06" + "0a0162" + "1a0158" + "1063");
        Message parsed = parse(unknownType);
        assertEquals("protocolMessage without a known type", ((UnsupportedContent) FromWaProto.content(parsed)).description());
        Message revokeWithoutKey = Message.newBuilder().setProtocolMessage(ProtocolMessage.newBuilder()
                .setType(ProtocolMessage.Type.REVOKE)).build();
        assertInstanceOf(UnsupportedContent.class, FromWaProto.content(revokeWithoutKey));
        Message reactionWithoutId = Message.newBuilder().setReactionMessage(ReactionMessage.newBuilder()
                .setKey(MessageKey.newBuilder().setRemoteJid(MessageSamples.BOB)).setText("x")).build();
        assertInstanceOf(UnsupportedContent.class, FromWaProto.content(reactionWithoutId));
    }

    @Test
    void bareEditProtocolMessageIsAlsoAnEdit() {
        Message bare = Message.newBuilder().setProtocolMessage(ProtocolMessage.newBuilder()
                .setKey(MessageKey.newBuilder().setRemoteJid(MessageSamples.BOB).setFromMe(true).setId("E1"))
                .setType(ProtocolMessage.Type.MESSAGE_EDIT)
                .setEditedMessage(Message.newBuilder().setConversation("new"))).build();
        Edit edit = assertInstanceOf(Edit.class, FromWaProto.content(bare));
        assertEquals(TextContent.of("new"), edit.newContent());
        assertEquals(MessageRef.of(MessageSamples.BOB, true, "E1"), edit.target());
    }

    @Test
    void viewOnceMediaIsUnsupportedRatherThanShownAsOrdinary() {
        Message viewOnce = Message.newBuilder().setImageMessage(ImageMessage.newBuilder().setViewOnce(true)).build();
        assertEquals("view-once image", ((UnsupportedContent) FromWaProto.content(viewOnce)).description());
    }

    @Test
    void documentWithCaptionWrapperAndTitleFallback() {
        Message wrapped = Message.newBuilder().setDocumentWithCaptionMessage(FutureProofMessage.newBuilder()
                .setMessage(Message.newBuilder().setDocumentMessage(DocumentMessage.newBuilder()
                        .setTitle("old.txt").setCaption("see this").setMimetype("text/plain")))).build();
        MediaContent doc = assertInstanceOf(MediaContent.class, FromWaProto.content(wrapped));
        assertEquals(MediaKind.DOCUMENT, doc.kind());
        assertEquals(Optional.of("old.txt"), doc.fileName());
        assertEquals(Optional.of("see this"), doc.caption());
    }

    @Test
    void missingMimetypeBecomesOctetStream() {
        Message m = Message.newBuilder().setStickerMessage(
                org.wabridge.core.proto.WaMessageProtos.StickerMessage.getDefaultInstance()).build();
        MediaContent sticker = assertInstanceOf(MediaContent.class, FromWaProto.content(m));
        assertEquals("application/octet-stream", sticker.blob().mimetype());
        assertTrue(sticker.blob().mediaKey().isEmpty());
    }

    @Test
    void bytesThatAreNotAMessageAreATypedError() {
        // field 1 (conversation) announcing 5 bytes but carrying 2
        MessageDecodeException e = assertThrows(MessageDecodeException.class,
                () -> FromWaProto.fromBytes(HEX.parseHex("0a056869")));
        assertEquals(4, e.length());
    }

    @Test
    void modelRejectsFieldsTheKindCannotCarry() {
        MediaBlob blob = MessageSamples.blob("audio/ogg", 1);
        MediaContent base = MediaContent.of(MediaKind.AUDIO, blob);
        assertThrows(IllegalArgumentException.class, () -> new MediaContent(MediaKind.AUDIO, blob, java.util.OptionalInt.of(1),
                java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), java.util.List.of()));
        assertThrows(IllegalArgumentException.class, () -> new MediaContent(MediaKind.STICKER, blob, java.util.OptionalInt.empty(),
                java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), Optional.of("caption"), Optional.empty(),
                Optional.empty(), false, Optional.empty(), java.util.List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Edit(MessageRef.of("a", true, "b"),
                new Revoke(MessageRef.of("a", true, "c")), java.util.OptionalLong.empty()));
        assertEquals(MediaKind.AUDIO, base.kind());
        assertThrows(IllegalArgumentException.class, () -> MessageRef.of("a", true, ""));
    }

    @Test
    void stanzaAttributesFollowTheContent() {
        assertEquals("text", ToWaProto.stanzaType(TextContent.of("x")));
        assertEquals("media", ToWaProto.stanzaType(MessageSamples.voice()));
        assertEquals("reaction", ToWaProto.stanzaType(MessageSamples.reaction()));
        assertEquals("ptt", MessageSamples.voice().encMediaType());
        assertEquals("gif", MessageSamples.gifVideo().encMediaType());
        assertEquals("sticker", MessageSamples.sticker().encMediaType());
        assertEquals(Optional.of("7"), ToWaProto.editAttribute(new Revoke(MessageRef.of("a", true, "b"))));
        assertEquals(Optional.of("1"), ToWaProto.editAttribute(new Edit(MessageRef.of("a", true, "b"),
                TextContent.of("x"), java.util.OptionalLong.empty())));
        assertEquals(Optional.empty(), ToWaProto.editAttribute(TextContent.of("x")));
        assertTrue(ToWaProto.hideOnDecryptFailure(MessageSamples.reaction()));
    }

    private static Message parse(byte[] bytes) {
        try {
            return Message.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
