/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;

/** Properties over generated values: round trips hold for any strings, and any bytes decode or fail typed. */
class MessageConverterPropertiesTest {

    @Property
    void textRoundTripsForAnyBodyAndMentions(@ForAll String body, @ForAll @Size(max = 4) List<@NotEmpty String> mentions,
            @ForAll Optional<@NotEmpty String> quotedId) throws Exception {
        Optional<ReplyContext> reply = quotedId.map(id -> new ReplyContext(id, Optional.empty(), Optional.empty(),
                Optional.of(TextContent.of(body))));
        TextContent text = new TextContent(body, reply, mentions);
        assertEquals(text, FromWaProto.fromBytes(ToWaProto.toBytes(text)).content());
    }

    @Property
    void reactionRoundTripsForAnyEmojiAndTimestamp(@ForAll String emoji, @ForAll @NotEmpty String id,
            @ForAll boolean fromMe, @ForAll long timestamp) throws Exception {
        Reaction r = new Reaction(MessageRef.of(MessageSamples.BOB, fromMe, id), emoji, OptionalLong.of(timestamp));
        assertEquals(r, FromWaProto.fromBytes(ToWaProto.toBytes(r)).content());
    }

    @Property(tries = 3000)
    void arbitraryBytesDecodeOrFailWithTheTypedError(@ForAll @Size(max = 200) byte[] bytes) {
        try {
            DecodedMessage decoded = FromWaProto.fromBytes(bytes);
            // whatever was understood re-encodes without error
            ToWaProto.toBytes(decoded.content());
        } catch (MessageDecodeException expected) {
            assertEquals(bytes.length, expected.length());
        }
    }
}
