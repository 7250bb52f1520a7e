/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.signal.libsignal.protocol.ecc.ECPublicKey;
import org.wabridge.core.cert.XEdDsa;
import org.wabridge.core.cert.XEdDsaSigner;

/** One certificate signature check (two per handshake): wa-core's JDK-only XEdDSA against libsignal's. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class XEdDsaBenchmark {
    private byte[] publicKey;
    private byte[] message;
    private byte[] signature;
    private ECPublicKey signalKey;

    @Setup
    public void setUp() throws Exception {
        XEdDsaSigner signer = XEdDsaSigner.generate(new SecureRandom());
        publicKey = signer.curve25519PublicKey();
        message = "serial=2 issuer=1 key=... notBefore notAfter".getBytes(StandardCharsets.UTF_8);
        signature = signer.sign(message);
        signalKey = ECPublicKey.fromPublicKeyBytes(publicKey);
    }

    @Benchmark
    public boolean jdkEd25519Verify() {
        return XEdDsa.verify(publicKey, message, signature);
    }

    @Benchmark
    public boolean libsignalVerify() {
        return signalKey.verifySignature(message, signature);
    }
}
