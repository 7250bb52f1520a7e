/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.wabridge.core.cert.XEdDsaSigner;

/**
 * A fixed-key run of the whole XX handshake whose expected bytes are derived here, independently of the
 * code under test, from whatsapp-protocol.md §2.4–§2.5 with plain JDK primitives (SunEC XDH, HMAC-SHA256
 * HKDF, SHA-256, AES-GCM), and protobuf frames assembled by hand from the field numbers of §2.5.
 */
class NoiseXxVectorTest {
    private static final byte[] PROLOGUE = {0x57, 0x41, 0x06, 0x03}; // "WA" 6 3, §2.2

    @Test
    void fixedKeyHandshakeMatchesIndependentDerivation() throws Exception {
        // Given fixed keys for both sides and a deterministic certificate chain
        byte[] cePriv = fill(0x10);
        byte[] csPriv = fill(0x30);
        byte[] sePriv = fill(0x50);
        byte[] ssPriv = fill(0x70);
        X25519KeyPair clientEphemeral = X25519.fromPrivateKey(cePriv);
        X25519KeyPair clientStatic = X25519.fromPrivateKey(csPriv);
        X25519KeyPair serverEphemeral = X25519.fromPrivateKey(sePriv);
        X25519KeyPair serverStatic = X25519.fromPrivateKey(ssPriv);
        byte[] cePub = jdkPublic(cePriv);
        byte[] csPub = jdkPublic(csPriv);
        byte[] sePub = jdkPublic(sePriv);
        byte[] ssPub = jdkPublic(ssPriv);
        TestChains chains = new TestChains(XEdDsaSigner.fromSeed(fill(0x90)), XEdDsaSigner.fromSeed(fill(0xB0)),
                serverStatic);
        byte[] cert = chains.certChain;
        byte[] payload = "client payload bytes".getBytes(StandardCharsets.UTF_8);

        NoiseInitiator client = new NoiseInitiator(PROLOGUE, clientStatic, clientEphemeral, chains.verifier());
        NoiseResponder server = new NoiseResponder(PROLOGUE, serverStatic, serverEphemeral, cert);

        // Then the public keys agree with the JDK's X25519
        assertArrayEquals(cePub, clientEphemeral.publicKey());
        assertArrayEquals(ssPub, serverStatic.publicKey());

        // Independent derivation. Initial h = ck = protocol name padded to 32 bytes, then MixHash(prologue)
        byte[] name = Arrays.copyOf("Noise_XX_25519_AESGCM_SHA256".getBytes(StandardCharsets.US_ASCII), 32);
        byte[] h = sha256(name, PROLOGUE);
        byte[] ck = name.clone();

        // Message 1: -> e. Only e.pub is hashed; the empty payload is NOT (WhatsApp quirk, §2.4)
        byte[] expectedHello = concat(new byte[] {0x12, 0x22, 0x0A, 0x20}, cePub); // field 2 { field 1: 32 bytes }
        h = sha256(h, cePub);
        byte[] hello = client.clientHello();
        assertArrayEquals(expectedHello, hello);
        server.readClientHello(hello);

        // Message 2: <- e, ee, s, es + encrypted CertChain
        h = sha256(h, sePub);
        byte[][] mixed = hkdf(ck, jdkDh(sePriv, cePub));
        ck = mixed[0];
        byte[] encStatic = aesGcm(mixed[1], 0, h, ssPub);
        h = sha256(h, encStatic);
        mixed = hkdf(ck, jdkDh(ssPriv, cePub));
        ck = mixed[0];
        byte[] encCert = aesGcm(mixed[1], 0, h, cert);
        h = sha256(h, encCert);
        byte[] serverHelloBody = concat(field(1, sePub), field(2, encStatic), field(3, encCert));
        byte[] expectedServerHello = field(3, serverHelloBody);
        byte[] serverHello = server.serverHello();
        assertArrayEquals(expectedServerHello, serverHello);

        // Message 3: -> s, se + payload; the static key uses nonce 1 of the es key, the payload nonce 0 of se
        byte[] encClientStatic = aesGcm(mixed[1], 1, h, csPub);
        h = sha256(h, encClientStatic);
        mixed = hkdf(ck, jdkDh(csPriv, sePub));
        ck = mixed[0];
        byte[] encPayload = aesGcm(mixed[1], 0, h, payload);
        h = sha256(h, encPayload);
        byte[] expectedFinish = field(4, concat(field(1, encClientStatic), field(2, encPayload)));
        byte[] finish = client.clientFinish(serverHello, payload);
        assertArrayEquals(expectedFinish, finish);
        NoiseResponder.ClientFinish received = server.readClientFinish(finish);
        assertArrayEquals(csPub, received.clientStaticKey());
        assertArrayEquals(payload, received.clientPayload());
        assertArrayEquals(h, client.handshakeHash());
        assertArrayEquals(h, server.handshakeHash());

        // Split: HKDF(ck, empty); client writes with bytes 0-31, reads with 32-63; empty AAD, counters from 0
        byte[][] split = hkdf(ck, new byte[0]);
        CipherPair clientCiphers = client.split();
        CipherPair serverCiphers = server.split();
        byte[] m1 = "first".getBytes(StandardCharsets.UTF_8);
        byte[] m2 = "second".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(aesGcm(split[0], 0, null, m1), clientCiphers.write().encrypt(m1));
        assertArrayEquals(aesGcm(split[0], 1, null, m2), clientCiphers.write().encrypt(m2));
        assertArrayEquals(aesGcm(split[1], 0, null, m2), serverCiphers.write().encrypt(m2));
        assertArrayEquals(m1, serverCiphers.read().decrypt(aesGcm(split[0], 0, null, m1)));
        assertArrayEquals(m2, clientCiphers.read().decrypt(aesGcm(split[1], 0, null, m2)));
    }

    @Test
    void x25519MatchesRfc7748Section61() throws Exception {
        // RFC 7748 §6.1 Diffie-Hellman test vector
        HexFormat hex = HexFormat.of();
        X25519KeyPair alice = X25519.fromPrivateKey(hex.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        X25519KeyPair bob = X25519.fromPrivateKey(hex.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        assertArrayEquals(hex.parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"), alice.publicKey());
        assertArrayEquals(hex.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"), bob.publicKey());
        byte[] shared = hex.parseHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertArrayEquals(shared, X25519.agree(alice, bob.publicKey()));
        assertArrayEquals(shared, X25519.agree(bob, alice.publicKey()));
    }

    private static byte[] fill(int start) {
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }

    static byte[] jdkPublic(byte[] scalar) throws GeneralSecurityException {
        byte[] basePoint = new byte[32];
        basePoint[0] = 9;
        return jdkDh(scalar, basePoint);
    }

    static byte[] jdkDh(byte[] scalar, byte[] u) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("XDH");
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[31 - i] = u[i];
        }
        KeyAgreement agreement = KeyAgreement.getInstance("XDH");
        agreement.init(factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar)));
        agreement.doPhase(factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519,
                new BigInteger(1, be))), true);
        return agreement.generateSecret();
    }

    private static byte[] sha256(byte[] a, byte[] b) throws GeneralSecurityException {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(a);
        d.update(b);
        return d.digest();
    }

    /** RFC 5869 HKDF-SHA256, empty info, L = 64, returned as two 32-byte halves. */
    private static byte[][] hkdf(byte[] salt, byte[] ikm) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        byte[] t1 = mac.doFinal(new byte[] {1});
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        byte[] t2 = mac.doFinal(concat(t1, new byte[] {2}));
        return new byte[][] {t1, t2};
    }

    private static byte[] aesGcm(byte[] key, int counter, byte[] aad, byte[] plaintext) throws GeneralSecurityException {
        byte[] nonce = new byte[12]; // bytes 0-7 zero, 8-11 big-endian counter (§2.4)
        nonce[11] = (byte) counter;
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        if (aad != null) {
            c.updateAAD(aad);
        }
        return c.doFinal(plaintext);
    }

    /** A length-delimited protobuf field (wire type 2). */
    private static byte[] field(int number, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(number << 3 | 2);
        int len = value.length;
        while (len >= 0x80) {
            out.write(len & 0x7F | 0x80);
            len >>>= 7;
        }
        out.write(len);
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
