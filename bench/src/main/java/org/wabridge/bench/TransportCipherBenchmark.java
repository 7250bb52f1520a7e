/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.wabridge.core.noise.CipherPair;

/**
 * Transport frames per second: one AES-256-GCM encrypt (client) plus decrypt (server) of a frame, at sizes
 * typical of receipts/acks (64 B), text messages (512 B), media messages (4 KiB) and history (64 KiB).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransportCipherBenchmark {
    @Param({"64", "512", "4096", "65536"})
    public int frameSize;

    private byte[] plaintext;
    private CipherPair client;
    private CipherPair server;

    @Setup(Level.Iteration)
    public void setUp() throws Exception {
        // fresh ciphers per iteration so the 2^32 nonce counter never runs out
        HandshakeFixture fixture = new HandshakeFixture(new SecureRandom(), Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"),
                java.time.ZoneOffset.UTC));
        CipherPair[] pairs = fixture.handshakeInMemory();
        client = pairs[0];
        server = pairs[1];
        plaintext = new byte[frameSize];
        new SecureRandom().nextBytes(plaintext);
    }

    @Benchmark
    public byte[] encryptAndDecrypt() throws Exception {
        return server.read().decrypt(client.write().encrypt(plaintext));
    }
}
