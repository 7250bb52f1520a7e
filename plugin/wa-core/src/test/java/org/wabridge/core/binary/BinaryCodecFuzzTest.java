/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz tests. In a normal {@code mvn verify} they run as regression tests over the checked-in inputs in
 * {@code src/test/resources/org/wabridge/core/binary/BinaryCodecFuzzTestInputs/<method>/} (golden vectors, their
 * framed and zlib forms, a zip bomb, and 50 inputs per method kept from a 2 × 5 minute fuzzing run). To fuzz
 * one method (it stops after maxDuration; new corpus entries land in plugin/wa-core/.cifuzz-corpus/, findings
 * next to the inputs above):
 * {@code JAZZER_FUZZ=1 mvn -B -pl plugin/wa-core test -Dtest='BinaryCodecFuzzTest#decodeNode'}.
 * The only exception allowed out of the decoder is {@link BinaryDecodeException}; anything it accepts must
 * re-encode to a node that decodes to the same value (modulo the documented lossy cases).
 */
class BinaryCodecFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void decodeNode(byte[] input) {
        Node node;
        try {
            node = BinaryDecoder.standard().decode(input);
        } catch (BinaryDecodeException expected) {
            return;
        }
        assertStableUnderReencoding(node);
    }

    @FuzzTest(maxDuration = "5m")
    void unpackFrame(byte[] input) {
        // a tight inflate cap keeps the fuzzer fast while exercising the cap path
        NodeFrames frames = new NodeFrames(BinaryEncoder.standard(), BinaryDecoder.standard(), 1 << 20);
        Node node;
        try {
            node = frames.unpack(input);
        } catch (BinaryDecodeException expected) {
            return;
        }
        assertStableUnderReencoding(node);
    }

    private static void assertStableUnderReencoding(Node node) {
        Node expected = RoundTripPropertiesTest.expectedAfterRoundTrip(node);
        try {
            for (BinaryEncoder encoder : new BinaryEncoder[] {
                BinaryEncoder.standard(), new BinaryEncoder(InteropJidForm.WITHOUT_SERVER)}) {
                byte[] encoded = encoder.encode(node);
                if (encoder.interopForm() == InteropJidForm.WITHOUT_SERVER
                        && Hex.of(encoded).contains("fc 07 69 6e 74 65 72 6f 70")) {
                    continue; // the documented ambiguity of the server-less form (LossyCasesTest)
                }
                assertEquals(expected, BinaryDecoder.standard().decode(encoded));
            }
            NodePrinter.DEFAULT.print(node);
        } catch (BinaryDecodeException e) {
            throw new AssertionError("re-encoded node does not decode: " + node, e);
        }
    }
}
