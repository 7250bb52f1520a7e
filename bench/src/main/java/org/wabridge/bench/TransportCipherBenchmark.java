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
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
    private Cipher referenceCipher;
    private SecretKeySpec referenceKey;
    private long referenceCounter;

    @Setup(Level.Iteration)
    public void setUp() throws Exception {
        // fresh ciphers per iteration so the 2^32 nonce counter never runs out
        HandshakeFixture fixture = new HandshakeFixture(new SecureRandom(), Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"),
                java.time.ZoneOffset.UTC));
        CipherPair[] pairs = fixture.handshakeInMemory();
        client = pairs[0];
        server = pairs[1];
        referenceCipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        referenceKey = new SecretKeySpec(key, "AES");
        plaintext = new byte[frameSize];
        new SecureRandom().nextBytes(plaintext);
    }

    @Benchmark
    public byte[] encryptAndDecrypt() throws Exception {
        return server.read().decrypt(client.write().encrypt(plaintext));
    }

    /** Reference: bare JDK AES-256-GCM seal + open of the same size, no framing or counters of ours. */
    @Benchmark
    public byte[] jdkAesGcmReference() throws Exception {
        byte[] iv = new byte[12];
        long n = ++referenceCounter;
        iv[8] = (byte) (n >>> 24);
        iv[9] = (byte) (n >>> 16);
        iv[10] = (byte) (n >>> 8);
        iv[11] = (byte) n;
        referenceCipher.init(Cipher.ENCRYPT_MODE, referenceKey, new GCMParameterSpec(128, iv));
        byte[] sealed = referenceCipher.doFinal(plaintext);
        referenceCipher.init(Cipher.DECRYPT_MODE, referenceKey, new GCMParameterSpec(128, iv));
        return referenceCipher.doFinal(sealed);
    }
}
