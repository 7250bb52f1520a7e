/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.wabridge.core.binary.BinaryDecodeException;
import org.wabridge.core.binary.BinaryDecoder;
import org.wabridge.core.binary.BinaryEncoder;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/**
 * Binary XML encode and decode of three typical stanzas, against a reference that only copies the same number of
 * bytes into a fresh array ({@code copyReference}): the ratio shows what the codec costs above moving the bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BinaryCodecBenchmark {

    @Param({"message", "receipt", "usyncIq"})
    public String stanza;

    private Node node;
    private byte[] encoded;
    private final BinaryEncoder encoder = BinaryEncoder.standard();
    private final BinaryDecoder decoder = BinaryDecoder.standard();

    @Setup
    public void setUp() {
        node = switch (stanza) {
            case "message" -> message();
            case "receipt" -> receipt();
            case "usyncIq" -> usyncIq();
            default -> throw new IllegalArgumentException(stanza);
        };
        encoded = encoder.encode(node);
    }

    /** A 1:1 text message to a LID device: Signal ciphertext of ~190 bytes in {@code <enc>}. */
    static Node message() {
        byte[] ciphertext = new byte[190];
        new Random(1).nextBytes(ciphertext);
        return Node.builder("message").attr("id", "3EB0C5A1F2D4E6B7A9C1").attr("to", WaJid.lid("123456789012345"))
                .attr("type", "text").attr("t", "1700000000")
                .child(Node.builder("enc").attr("v", "2").attr("type", "msg").bytes(ciphertext).build())
                .build();
    }

    /** A read receipt from a device. */
    static Node receipt() {
        return Node.builder("receipt").attr("id", "3EB0C5A1F2D4E6B7A9C1")
                .attr("from", WaJid.phone("491701234567").withDevice(3)).attr("type", "read")
                .attr("t", "1700000123").build();
    }

    /** A usync device query for 20 users. */
    static Node usyncIq() {
        Node.Builder list = Node.builder("list");
        for (int i = 0; i < 20; i++) {
            list.child(Node.builder("user").attr("jid", WaJid.phone("4917012345" + (10 + i))).build());
        }
        Node query = Node.builder("query").child(Node.builder("devices").attr("version", "2").build())
                .child(Node.of("lid")).build();
        Node usync = Node.builder("usync").attr("sid", "1700000000-42").attr("mode", "query").attr("last", "true")
                .attr("index", "0").attr("context", "message").child(query).child(list.build()).build();
        return Node.builder("iq").attr("id", "42.7-1").attr("to", WaJid.SERVER).attr("type", "get")
                .attr("xmlns", "usync").child(usync).build();
    }

    @Benchmark
    public byte[] encode() {
        return encoder.encode(node);
    }

    @Benchmark
    public Node decode() throws BinaryDecodeException {
        return decoder.decode(encoded);
    }

    @Benchmark
    public Node encodeAndDecode() throws BinaryDecodeException {
        return decoder.decode(encoder.encode(node));
    }

    /** Reference: allocate and copy as many bytes as the encoded stanza has. */
    @Benchmark
    public byte[] copyReference() {
        return Arrays.copyOf(encoded, encoded.length);
    }
}
