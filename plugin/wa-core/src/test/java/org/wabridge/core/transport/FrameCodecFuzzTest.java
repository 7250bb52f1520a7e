/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Set;

/**
 * Fuzz targets for the frame and intro decoders. Without JAZZER_FUZZ they replay the checked-in corpus
 * under {@code FrameCodecFuzzTestInputs/} in the normal test run. Only the documented typed exceptions may
 * escape, and a decoded frame may never exceed the cap.
 */
class FrameCodecFuzzTest {
    private static final int CAP = 4096;

    @FuzzTest
    void decodeFrames(FuzzedDataProvider data) {
        FrameCodec.Decoder decoder = FrameCodec.decoder(CAP);
        try {
            while (data.remainingBytes() > 0) {
                byte[] chunk = data.consumeBytes(data.consumeInt(1, 64));
                check(decoder.feed(chunk));
            }
            decoder.endOfStream();
        } catch (FrameTooLargeException | TruncatedFrameException expected) {
            // typed rejection is the correct outcome for bad input
        }
    }

    @FuzzTest
    void decodeServerStream(FuzzedDataProvider data) {
        InboundStreamDecoder decoder = new InboundStreamDecoder(Set.of(3), CAP);
        try {
            while (data.remainingBytes() > 0) {
                byte[] chunk = data.consumeBytes(data.consumeInt(1, 64));
                check(decoder.feed(chunk, 0, chunk.length));
            }
            decoder.endOfStream();
        } catch (FrameTooLargeException | TruncatedFrameException | ConnectionIntroException expected) {
            // typed rejection is the correct outcome for bad input
        } catch (TransportException e) {
            throw new AssertionError("untyped transport failure", e);
        }
    }

    private static void check(List<byte[]> frames) {
        for (byte[] frame : frames) {
            if (frame.length == 0 || frame.length > CAP) {
                throw new AssertionError("decoder produced a frame of " + frame.length + " bytes");
            }
        }
    }
}
