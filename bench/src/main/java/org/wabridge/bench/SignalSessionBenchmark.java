/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyAgreement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.wabridge.core.signal.EncryptedMessage;
import org.wabridge.core.signal.PreKeyBundle;
import org.wabridge.core.signal.SignalException;

/**
 * Session establishment through the port: Alice builds a session from a fresh bundle of Bob's (with a one-time
 * prekey; for PQXDH also a one-time Kyber-1024 key), encrypts the first pkmsg, Bob decrypts it. Generating Bob's
 * bundle is setup, not measured. Reference: one X25519 key agreement through the JDK.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignalSessionBenchmark {

    private static final byte[] FIRST_MESSAGE = new byte[64];

    private SignalPeers peers;
    private PreKeyBundle x3dhBundle;
    private PreKeyBundle pqxdhBundle;
    private KeyAgreement x25519;
    private KeyPair ours;
    private KeyPair theirs;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        peers = new SignalPeers();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
        ours = generator.generateKeyPair();
        theirs = generator.generateKeyPair();
        x25519 = KeyAgreement.getInstance("X25519");
    }

    /** Bundle generation (key generation on Bob's side) stays out of the measurement. */
    @Setup(Level.Invocation)
    public void freshBundles() {
        x3dhBundle = peers.freshBobBundle(false);
        pqxdhBundle = peers.freshBobBundle(true);
    }

    /** Reference: one X25519 Diffie-Hellman through the JDK. */
    @Benchmark
    public byte[] referenceX25519Agreement() throws Exception {
        x25519.init(ours.getPrivate());
        x25519.doPhase(theirs.getPublic(), true);
        return x25519.generateSecret();
    }

    @Benchmark
    public byte[] establishX3dh() throws SignalException {
        return establish(x3dhBundle);
    }

    @Benchmark
    public byte[] establishPqxdh() throws SignalException {
        return establish(pqxdhBundle);
    }

    private byte[] establish(PreKeyBundle bundle) throws SignalException {
        peers.alice.buildSession(peers.bobAddress, bundle);
        EncryptedMessage pkmsg = peers.alice.encrypt(peers.bobAddress, FIRST_MESSAGE);
        return peers.bob.decrypt(peers.aliceAddress, pkmsg.kind(), pkmsg.ciphertext()).plaintext();
    }
}
