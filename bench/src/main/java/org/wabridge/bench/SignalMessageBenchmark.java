/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.wabridge.core.signal.EncryptedMessage;
import org.wabridge.core.signal.SignalException;

/**
 * Per-message cost of the Signal port on an established session (in-memory stores, one unit of work per call):
 * steady state (same sender, the chain key steps), a ratchet turn (the sides alternate, every message carries a
 * new ratchet key), and the reference, a JDK AES-256-GCM encryption of the same plaintext.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignalMessageBenchmark {

    /** Padded plaintext size: a short chat message, and a long one. */
    @Param({"64", "1024"})
    public int size;

    private SignalPeers peers;
    private byte[] plaintext;
    private Cipher gcm;
    private SecretKeySpec aesKey;
    private final byte[] iv = new byte[12];
    private final SecureRandom random = new SecureRandom();

    @Setup
    public void setUp() throws Exception {
        peers = new SignalPeers();
        peers.establish(false);
        plaintext = new byte[size];
        random.nextBytes(plaintext);
        byte[] key = new byte[32];
        random.nextBytes(key);
        aesKey = new SecretKeySpec(key, "AES");
        gcm = Cipher.getInstance("AES/GCM/NoPadding");
    }

    /** Reference: one AES-256-GCM encryption of the same size with a fresh IV (JDK provider). */
    @Benchmark
    public byte[] referenceAesGcmEncrypt() throws Exception {
        random.nextBytes(iv);
        gcm.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv));
        return gcm.doFinal(plaintext);
    }

    /** Steady state, sender side only: Alice keeps sending; each call advances her sending chain. */
    @Benchmark
    public byte[] steadyEncrypt() throws SignalException {
        return peers.alice.encrypt(peers.bobAddress, plaintext).ciphertext();
    }

    /** Steady state, both sides: Alice encrypts, Bob decrypts (no ratchet turn). */
    @Benchmark
    public byte[] steadyEncryptDecrypt() throws SignalException {
        EncryptedMessage message = peers.alice.encrypt(peers.bobAddress, plaintext);
        return peers.bob.decrypt(peers.aliceAddress, message.kind(), message.ciphertext()).plaintext();
    }

    /** Ratchet turn on every message: Alice→Bob then Bob→Alice; reported per message (2 per invocation). */
    @Benchmark
    @OperationsPerInvocation(2)
    public byte[] ratchetTurnEncryptDecrypt() throws SignalException {
        EncryptedMessage there = peers.alice.encrypt(peers.bobAddress, plaintext);
        peers.bob.decrypt(peers.aliceAddress, there.kind(), there.ciphertext());
        EncryptedMessage back = peers.bob.encrypt(peers.aliceAddress, plaintext);
        return peers.alice.decrypt(peers.bobAddress, back.kind(), back.ciphertext()).plaintext();
    }
}
