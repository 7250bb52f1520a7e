/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.wabridge.core.ProtocolProfile;

/** Round-trip properties: any frames, cut into any reads, decode to the same non-empty frames in order. */
class FrameCodecPropertiesTest {

    @Property(tries = 300)
    void framesSurviveArbitraryChunking(@ForAll @Size(max = 12) List<@Size(max = 300) byte[]> frames,
                                        @ForAll @IntRange(min = 1, max = 97) int chunk) throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<byte[]> expected = new ArrayList<>();
        for (byte[] frame : frames) {
            wire.writeBytes(FrameCodec.encode(frame, 300));
            if (frame.length > 0) {
                expected.add(frame); // empty frames are skipped on input
            }
        }
        byte[] bytes = wire.toByteArray();
        FrameCodec.Decoder decoder = FrameCodec.decoder(300);
        List<byte[]> decoded = new ArrayList<>();
        for (int off = 0; off < bytes.length; off += chunk) {
            decoded.addAll(decoder.feed(bytes, off, Math.min(chunk, bytes.length - off)));
        }
        decoder.endOfStream();
        assertEquals(expected.size(), decoded.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), decoded.get(i));
        }
    }

    @Property(tries = 100)
    void introRoundTripsThroughTheServerParser(@ForAll @Size(max = 64) byte[] routing,
                                               @ForAll @IntRange(min = 0, max = 255) int major) throws Exception {
        ConnectionIntro intro = new ConnectionIntro(routing, major, 3);
        byte[] wire = intro.encode();
        ConnectionIntro.Parsed parsed = ConnectionIntro.parse(wire, wire.length, java.util.Set.of(3)).orElseThrow();
        assertEquals(intro, parsed.intro());
        assertEquals(wire.length, parsed.consumed());
    }

    @Property(tries = 20)
    void profileIntroHonoursTheEdgeRoutingSetting(@ForAll boolean sendEdgeRouting) {
        ProtocolProfile profile = ProtocolProfile.defaults().withEdgeRouting(sendEdgeRouting);
        ConnectionIntro intro = ConnectionIntro.forProfile(profile, new byte[] {9});
        assertEquals(sendEdgeRouting, intro.hasRoutingInfo());
        assertArrayEquals(new byte[] {'W', 'A', 6, 3}, intro.header());
    }
}
