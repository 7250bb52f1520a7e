/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.wabridge.core.message.DecodedMessage;
import org.wabridge.core.message.FromWaProto;
import org.wabridge.core.message.MessageDecodeException;
import org.wabridge.core.message.MessagePadding;
import org.wabridge.core.message.PaddingException;
import org.wabridge.core.message.ReplyContext;
import org.wabridge.core.message.TextContent;
import org.wabridge.core.message.ToWaProto;

/**
 * Per-message cost of the plaintext layer: padding and unpadding, and converting a text reply with a
 * mention to and from the {@code Message} protobuf. The reference in the same run is a plain array copy
 * of the same bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MessageCodecBenchmark {
    private MessagePadding padding;
    private TextContent reply;
    private byte[] encoded;
    private byte[] padded;

    @Setup
    public void setUp() throws Exception {
        padding = new MessagePadding(new SplittableRandom(1));
        reply = new TextContent("Sounds good, see you at eight at the usual place!",
                Optional.of(new ReplyContext("3EB0C0FFEE0123456789AB", Optional.of("4917687654321@s.whatsapp.net"),
                        Optional.empty(), Optional.of(TextContent.of("Dinner tonight?")))),
                List.of("4917687654321@s.whatsapp.net"));
        encoded = ToWaProto.toBytes(reply);
        padded = padding.pad(encoded);
    }

    @Benchmark
    public byte[] pad() {
        return padding.pad(encoded);
    }

    @Benchmark
    public byte[] unpad() throws PaddingException {
        return MessagePadding.unpad(padded);
    }

    @Benchmark
    public byte[] toWaProtoBytes() {
        return ToWaProto.toBytes(reply);
    }

    @Benchmark
    public DecodedMessage fromWaProtoBytes() throws MessageDecodeException {
        return FromWaProto.fromBytes(encoded);
    }

    /** Reference: copying the same number of bytes. */
    @Benchmark
    public byte[] arrayCopyReference() {
        return encoded.clone();
    }
}
