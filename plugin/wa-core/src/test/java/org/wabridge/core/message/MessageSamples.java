/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One or more values of every content kind, with every optional field the kind can carry set at least once. */
final class MessageSamples {
    static final String ALICE = "4915112345678@s.whatsapp.net";
    static final String BOB = "4917687654321@s.whatsapp.net";

    private MessageSamples() {
    }

    static Octets bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed + i * 31);
        }
        return Octets.of(b);
    }

    static MediaBlob blob(String mimetype, int seed) {
        return new MediaBlob(mimetype, 123_456L + seed, bytes(32, seed), bytes(32, seed + 1), bytes(32, seed + 2),
                Optional.of("/v/t62.7118-24/" + seed + ".enc?ccb=11-4"), Optional.of("https://media.example/" + seed),
                OptionalLong.of(1_700_000_000L + seed));
    }

    static ReplyContext reply() {
        return new ReplyContext("3EB0C0FFEE", Optional.of(BOB), Optional.of(BOB), Optional.of(TextContent.of("quoted text")));
    }

    static MediaContent image() {
        return new MediaContent(MediaKind.IMAGE, blob("image/jpeg", 1), OptionalInt.of(640), OptionalInt.of(480),
                OptionalInt.empty(), Optional.of("a caption"), Optional.empty(), Optional.of(bytes(50, 9)), false,
                Optional.of(reply()), List.of(BOB));
    }

    static MediaContent gifVideo() {
        return new MediaContent(MediaKind.VIDEO, blob("video/mp4", 2), OptionalInt.of(320), OptionalInt.of(240),
                OptionalInt.of(12), Optional.of("gif"), Optional.empty(), Optional.of(bytes(20, 3)), true,
                Optional.empty(), List.of());
    }

    static MediaContent audio() {
        return new MediaContent(MediaKind.AUDIO, blob("audio/mpeg", 3), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.of(215), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), List.of());
    }

    static MediaContent voice() {
        return new MediaContent(MediaKind.VOICE, blob("audio/ogg; codecs=opus", 4), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.of(7), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.of(new ReplyContext("ABCDEF", Optional.empty(), Optional.empty(), Optional.empty())), List.of());
    }

    static MediaContent document() {
        return new MediaContent(MediaKind.DOCUMENT, blob("application/pdf", 5), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.of("the report"), Optional.of("report.pdf"), Optional.of(bytes(30, 5)),
                false, Optional.empty(), List.of(ALICE, BOB));
    }

    static MediaContent sticker() {
        return new MediaContent(MediaKind.STICKER, blob("image/webp", 6), OptionalInt.of(512), OptionalInt.of(512),
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true, Optional.empty(), List.of());
    }

    static Reaction reaction() {
        return new Reaction(MessageRef.of(BOB, false, "3EB0AABBCCDDEEFF001122"), "\uD83D\uDC4D", OptionalLong.of(1_700_000_000_123L));
    }

    static List<MessageContent> all() {
        return List.of(
                TextContent.of("hello"),
                TextContent.of(""),
                new TextContent("reply with mention @bob", Optional.of(reply()), List.of(BOB)),
                new TextContent("mention only", Optional.empty(), List.of(ALICE)),
                new TextContent("reply without preview",
                        Optional.of(new ReplyContext("X1", Optional.empty(), Optional.empty(), Optional.empty())), List.of()),
                image(), gifVideo(), MediaContent.of(MediaKind.VIDEO, blob("video/mp4", 7)), audio(), voice(), document(),
                sticker(), MediaContent.of(MediaKind.IMAGE, blob("image/png", 8)),
                reaction(),
                new Reaction(new MessageRef("120363000000000000@g.us", true, "ID1", Optional.of(ALICE)), "", OptionalLong.empty()),
                new Revoke(MessageRef.of(BOB, true, "3EB0DEAD")),
                new Edit(MessageRef.of(BOB, true, "3EB0BEEF"), TextContent.of("fixed typo"), OptionalLong.of(1_700_000_001_000L)),
                new Edit(MessageRef.of(BOB, true, "3EB0BEEF"), image(), OptionalLong.empty()),
                // a locationMessage (field 5) with degreesLatitude (field 1, double) = 2.0
                new UnsupportedContent("no modelled content; fields [5]", Octets.ofHex("2a09090000000000000040")));
    }
}
