/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnknownFieldSet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Literal wire checks: what the encoder writes is read back with protobuf's schema-less UnknownFieldSet and
 * compared with the field numbers of whatsapp-protocol.md §6.1–§6.4 and §7.2; the decoder is fed messages
 * written by hand with CodedOutputStream. Neither direction uses the generated classes to build expectations.
 */
class MessageWireFieldsTest {
    private static UnknownFieldSet parse(byte[] bytes) throws Exception {
        return UnknownFieldSet.parseFrom(bytes);
    }

    private static UnknownFieldSet nested(UnknownFieldSet s, int field) throws Exception {
        return UnknownFieldSet.parseFrom(s.getField(field).getLengthDelimitedList().get(0));
    }

    private static String string(UnknownFieldSet s, int field) {
        return s.getField(field).getLengthDelimitedList().get(0).toStringUtf8();
    }

    private static ByteString raw(UnknownFieldSet s, int field) {
        return s.getField(field).getLengthDelimitedList().get(0);
    }

    private static long varint(UnknownFieldSet s, int field) {
        return s.getField(field).getVarintList().get(0);
    }

    @Test
    void plainTextIsConversationField1() throws Exception {
        UnknownFieldSet m = parse(ToWaProto.toBytes(TextContent.of("hello")));
        assertEquals(Set.of(1), m.asMap().keySet());
        assertEquals("hello", string(m, 1));
    }

    @Test
    void replyIsExtendedTextWithContextInfo() throws Exception {
        // §6.2: extendedTextMessage = 6 {text = 1, contextInfo = 17 {stanzaID 1, participant 2, quotedMessage 3,
        // remoteJID 4, mentionedJID 15}}
        UnknownFieldSet m = parse(ToWaProto.toBytes(MessageSamples.all().get(2)));
        assertEquals(Set.of(6), m.asMap().keySet());
        UnknownFieldSet ext = nested(m, 6);
        assertEquals("reply with mention @bob", string(ext, 1));
        UnknownFieldSet ctx = nested(ext, 17);
        assertEquals(Set.of(1, 2, 3, 4, 15), ctx.asMap().keySet());
        assertEquals("3EB0C0FFEE", string(ctx, 1));
        assertEquals(MessageSamples.BOB, string(ctx, 2));
        assertEquals("quoted text", string(nested(ctx, 3), 1));
        assertEquals(MessageSamples.BOB, string(ctx, 4));
        assertEquals(List.of(MessageSamples.BOB), ctx.getField(15).getLengthDelimitedList().stream().map(ByteString::toStringUtf8).toList());
    }

    @Test
    void reactionUsesField46WithKeyTextAndTimestamp() throws Exception {
        // §6.3: reactionMessage = 46 {key = 1 {remoteJID 1, fromMe 2, ID 3, participant 4}, text = 2, senderTimestampMS = 4}
        Reaction r = new Reaction(new MessageRef("120363@g.us", false, "3EB0AA", Optional.of(MessageSamples.BOB)),
                "\u2764", OptionalLong.of(1_700_000_000_123L));
        UnknownFieldSet m = parse(ToWaProto.toBytes(r));
        assertEquals(Set.of(46), m.asMap().keySet());
        UnknownFieldSet reaction = nested(m, 46);
        assertEquals(Set.of(1, 2, 4), reaction.asMap().keySet());
        UnknownFieldSet key = nested(reaction, 1);
        assertEquals("120363@g.us", string(key, 1));
        assertEquals(0, varint(key, 2));
        assertEquals("3EB0AA", string(key, 3));
        assertEquals(MessageSamples.BOB, string(key, 4));
        assertEquals("\u2764", string(reaction, 2));
        assertEquals(1_700_000_000_123L, varint(reaction, 4));
    }

    @Test
    void reactionRemovalSendsAnEmptyText() throws Exception {
        Reaction r = new Reaction(MessageRef.of(MessageSamples.BOB, true, "X"), "", OptionalLong.empty());
        UnknownFieldSet reaction = nested(parse(ToWaProto.toBytes(r)), 46);
        assertEquals(Set.of(1, 2), reaction.asMap().keySet());
        assertEquals("", string(reaction, 2));
        assertEquals(1, varint(nested(reaction, 1), 2));
    }

    @Test
    void revokeIsProtocolMessageTypeZero() throws Exception {
        // §6.3: protocolMessage = 12 {key = 1, type = 2 (REVOKE = 0)}
        UnknownFieldSet m = parse(ToWaProto.toBytes(new Revoke(MessageRef.of(MessageSamples.BOB, true, "3EB0DEAD"))));
        assertEquals(Set.of(12), m.asMap().keySet());
        UnknownFieldSet p = nested(m, 12);
        assertEquals(0, varint(p, 2));
        assertEquals("3EB0DEAD", string(nested(p, 1), 3));
        assertEquals(1, varint(nested(p, 1), 2));
    }

    @Test
    void editIsWrappedInEditedMessage58() throws Exception {
        // §6.3: editedMessage = 58 {message = 1 {protocolMessage = 12 {key 1, type 2 = 14, editedMessage 14, timestampMS 15}}}
        Edit edit = new Edit(MessageRef.of(MessageSamples.BOB, true, "3EB0BEEF"), TextContent.of("fixed"),
                OptionalLong.of(1_700_000_001_000L));
        UnknownFieldSet m = parse(ToWaProto.toBytes(edit));
        assertEquals(Set.of(58), m.asMap().keySet());
        UnknownFieldSet p = nested(nested(nested(m, 58), 1), 12);
        assertEquals(Set.of(1, 2, 14, 15), p.asMap().keySet());
        assertEquals(14, varint(p, 2));
        assertEquals("fixed", string(nested(p, 14), 1));
        assertEquals(1_700_000_001_000L, varint(p, 15));
        assertEquals("3EB0BEEF", string(nested(p, 1), 3));
    }

    @Test
    void imageFieldsFollowSection72() throws Exception {
        UnknownFieldSet img = nested(parse(ToWaProto.toBytes(MessageSamples.image())), 3);
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 16, 17), img.asMap().keySet());
        assertEquals("image/jpeg", string(img, 2));
        assertEquals("a caption", string(img, 3));
        assertEquals(MessageSamples.bytes(32, 1), Octets.of(raw(img, 4).toByteArray()));
        assertEquals(123_457L, varint(img, 5));
        assertEquals(480, varint(img, 6));
        assertEquals(640, varint(img, 7));
        assertEquals(MessageSamples.bytes(32, 3), Octets.of(raw(img, 8).toByteArray()));
        assertEquals(MessageSamples.bytes(32, 2), Octets.of(raw(img, 9).toByteArray()));
        assertEquals("/v/t62.7118-24/1.enc?ccb=11-4", string(img, 11));
        assertEquals(1_700_000_001L, varint(img, 12));
    }

    @Test
    void gifVideoVoiceDocumentAndStickerFieldNumbers() throws Exception {
        UnknownFieldSet video = nested(parse(ToWaProto.toBytes(MessageSamples.gifVideo())), 9);
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 16), video.asMap().keySet());
        assertEquals(1, varint(video, 8));
        assertEquals(12, varint(video, 5));
        assertEquals(240, varint(video, 9));
        assertEquals(320, varint(video, 10));

        UnknownFieldSet voice = nested(parse(ToWaProto.toBytes(MessageSamples.voice())), 8);
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17), voice.asMap().keySet());
        assertEquals(1, varint(voice, 6));
        assertEquals("audio/ogg; codecs=opus", string(voice, 2));
        assertEquals("ABCDEF", string(nested(voice, 17), 1));
        UnknownFieldSet audio = nested(parse(ToWaProto.toBytes(MessageSamples.audio())), 8);
        assertEquals(false, audio.hasField(6));

        UnknownFieldSet doc = nested(parse(ToWaProto.toBytes(MessageSamples.document())), 7);
        assertEquals(Set.of(1, 2, 4, 5, 7, 8, 9, 10, 11, 16, 17, 20), doc.asMap().keySet());
        assertEquals("report.pdf", string(doc, 8));
        assertEquals("the report", string(doc, 20));

        UnknownFieldSet sticker = nested(parse(ToWaProto.toBytes(MessageSamples.sticker())), 26);
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13), sticker.asMap().keySet());
        assertEquals("image/webp", string(sticker, 5));
        assertEquals(1, varint(sticker, 13));
        assertEquals(123_462L, varint(sticker, 9));
    }

    @Test
    void deviceSentMessageIsField31() throws Exception {
        // §6.4: deviceSentMessage = 31 {destinationJID = 1, message = 2}
        byte[] bytes = ToWaProto.wrapForOwnDevices(ToWaProto.toProto(TextContent.of("hi")), MessageSamples.BOB).toByteArray();
        UnknownFieldSet m = parse(bytes);
        assertEquals(Set.of(31), m.asMap().keySet());
        UnknownFieldSet dsm = nested(m, 31);
        assertEquals(MessageSamples.BOB, string(dsm, 1));
        assertEquals("hi", string(nested(dsm, 2), 1));
    }

    @Test
    void handWrittenReactionRevokeAndEditDecode() throws Exception {
        // key {remoteJID 1, fromMe 2, ID 3}
        byte[] key = message(out -> {
            out.writeString(1, MessageSamples.BOB);
            out.writeBool(2, true);
            out.writeString(3, "3EB0FF");
        });
        MessageRef target = MessageRef.of(MessageSamples.BOB, true, "3EB0FF");

        byte[] reaction = message(out -> out.writeByteArray(46, message(r -> {
            r.writeByteArray(1, key);
            r.writeString(2, "\uD83D\uDE02");
            r.writeInt64(4, 42L);
        })));
        assertEquals(new Reaction(target, "\uD83D\uDE02", OptionalLong.of(42L)), FromWaProto.fromBytes(reaction).content());

        byte[] revoke = message(out -> out.writeByteArray(12, message(p -> {
            p.writeByteArray(1, key);
            p.writeEnum(2, 0);
        })));
        assertEquals(new Revoke(target), FromWaProto.fromBytes(revoke).content());

        byte[] edit = message(out -> out.writeByteArray(58, message(f -> f.writeByteArray(1, message(inner ->
                inner.writeByteArray(12, message(p -> {
                    p.writeByteArray(1, key);
                    p.writeEnum(2, 14);
                    p.writeByteArray(14, message(e -> e.writeString(1, "edited")));
                    p.writeInt64(15, 7L);
                })))))));
        assertEquals(new Edit(target, TextContent.of("edited"), OptionalLong.of(7L)), FromWaProto.fromBytes(edit).content());

        byte[] voice = message(out -> out.writeByteArray(8, message(a -> {
            a.writeString(2, "audio/ogg; codecs=opus");
            a.writeUInt64(4, 999L);
            a.writeUInt32(5, 3);
            a.writeBool(6, true);
        })));
        MediaContent media = (MediaContent) FromWaProto.fromBytes(voice).content();
        assertEquals(MediaKind.VOICE, media.kind());
        assertEquals(999L, media.blob().fileLength());
        assertEquals(3, media.durationSeconds().getAsInt());
    }

    private interface Writer {
        void write(CodedOutputStream out) throws Exception;
    }

    private static byte[] message(Writer writer) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        writer.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    @Test
    void utf8TextSurvivesExactly() throws Exception {
        String text = "Gr\u00fc\u00dfe \uD83C\uDDEA\uD83C\uDDFA \u0645\u0631\u062d\u0628\u0627";
        UnknownFieldSet m = parse(ToWaProto.toBytes(TextContent.of(text)));
        assertEquals(text, new String(raw(m, 1).toByteArray(), StandardCharsets.UTF_8));
    }
}
