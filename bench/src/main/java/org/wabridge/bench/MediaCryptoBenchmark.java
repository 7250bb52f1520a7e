/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.wabridge.core.media.ExpectedMediaHashes;
import org.wabridge.core.media.MediaDigests;
import org.wabridge.core.media.MediaEncryptor;
import org.wabridge.core.media.MediaKeys;
import org.wabridge.core.media.MediaSource;
import org.wabridge.core.media.MediaType;
import org.wabridge.core.media.UnverifiedMediaDecryptingOutputStream;
import org.wabridge.core.media.VerifiedMediaDecryptor;

/**
 * Single-threaded media crypto throughput (one core): streaming encryption (AES-256-CBC + HMAC-SHA256 +
 * two SHA-256), two-pass verified decryption, the one-pass unverified path, and the bare JDK primitives as
 * an in-JVM reference. MB/s = ops/s × size / 10^6; BENCHMARKS.md compares with {@code openssl speed}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MediaCryptoBenchmark {
    @Param({"1048576", "16777216"})
    public int size;

    private byte[] plaintext;
    private byte[] blob;
    private byte[] scratch;
    private MediaKeys keys;
    private ExpectedMediaHashes expected;

    @Setup
    public void setUp() throws Exception {
        plaintext = new byte[size];
        new Random(1).nextBytes(plaintext);
        keys = MediaKeys.derive(new byte[32], MediaType.DOCUMENT);
        MediaEncryptor.EncryptedBlob enc = MediaEncryptor.encrypt(plaintext, keys);
        blob = enc.blob();
        expected = enc.digests().expected();
        scratch = new byte[size + 32];
    }

    @Benchmark
    public MediaDigests encryptStreaming() throws IOException {
        return MediaEncryptor.encrypt(new ByteArrayInputStream(plaintext), OutputStream.nullOutputStream(), keys);
    }

    @Benchmark
    public MediaDigests decryptVerifiedTwoPass() throws IOException {
        return VerifiedMediaDecryptor.decrypt(MediaSource.ofBytes(blob), keys, expected, OutputStream.nullOutputStream());
    }

    @Benchmark
    public MediaDigests decryptUnverifiedOnePass() throws IOException {
        UnverifiedMediaDecryptingOutputStream out =
                new UnverifiedMediaDecryptingOutputStream(OutputStream.nullOutputStream(), keys, expected);
        out.write(blob);
        out.close();
        return out.digests();
    }

    /** In-JVM reference: AES-256-CBC encryption alone with the JDK provider. */
    @Benchmark
    public int jdkAesCbcEncryptOnly() throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.cipherKey(), "AES"), new IvParameterSpec(keys.iv()));
        return aes.doFinal(plaintext, 0, plaintext.length, scratch, 0);
    }

    /** In-JVM reference: one SHA-256 pass alone. */
    @Benchmark
    public byte[] jdkSha256Only() throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(plaintext);
    }
}
