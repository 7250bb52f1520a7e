/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyAgreement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.signal.libsignal.protocol.ecc.Curve;
import org.signal.libsignal.protocol.ecc.ECPrivateKey;
import org.signal.libsignal.protocol.ecc.ECPublicKey;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519KeyPair;

/**
 * One X25519 agreement: wa-core's {@link X25519} (noise-java Curve25519) against the JDK's SunEC
 * {@code XDH} KeyAgreement and libsignal's native (Rust) curve, all on the same scalar and peer key.
 * wa-core may not use libsignal; its figure shows what a native adapter in wa-signal would gain.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class X25519Benchmark {
    private X25519KeyPair own;
    private byte[] peerPublic;
    private PrivateKey jdkPrivate;
    private PublicKey jdkPeer;
    private KeyAgreement jdkAgreement;
    private ECPrivateKey signalPrivate;
    private ECPublicKey signalPeer;

    @Setup
    public void setUp() throws Exception {
        SecureRandom random = new SecureRandom();
        own = X25519.generate(random);
        peerPublic = X25519.generate(random).publicKey();
        KeyFactory factory = KeyFactory.getInstance("XDH");
        jdkPrivate = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, own.privateKey()));
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[31 - i] = peerPublic[i];
        }
        jdkPeer = factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be)));
        jdkAgreement = KeyAgreement.getInstance("XDH");
        signalPrivate = new ECPrivateKey(own.privateKey());
        signalPeer = ECPublicKey.fromPublicKeyBytes(peerPublic);
    }

    @Benchmark
    public byte[] libsignalNativeAgree() {
        return signalPrivate.calculateAgreement(signalPeer);
    }

    @Benchmark
    public byte[] noiseJavaAgree() throws Exception {
        return X25519.agree(own, peerPublic);
    }

    /** The JDK as the handshake would have to use it: the peer key arrives as 32 little-endian bytes. */
    @Benchmark
    public byte[] jdkXdhAgreeFromBytes() throws Exception {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[31 - i] = peerPublic[i];
        }
        PublicKey peer = KeyFactory.getInstance("XDH")
                .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be)));
        KeyAgreement agreement = KeyAgreement.getInstance("XDH");
        agreement.init(jdkPrivate);
        agreement.doPhase(peer, true);
        return agreement.generateSecret();
    }

    @Benchmark
    public byte[] jdkXdhAgree() throws Exception {
        jdkAgreement.init(jdkPrivate);
        jdkAgreement.doPhase(jdkPeer, true);
        return jdkAgreement.generateSecret();
    }
}
