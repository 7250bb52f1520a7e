/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.wabridge.core.auth.ProviderKeyExport;
import org.wabridge.core.auth.ProviderKeyRing;
import org.wabridge.core.cert.TrustAnchor;

/**
 * The emulator of the scale benchmarks in a child JVM ({@link ScaleEmulatorProcess}, started through
 * {@code ConnectionScaleBench --serve}): separate descriptor limit and heap, so the parent's figures are the
 * bridge's alone. Closing it closes the child's standard input, which ends it.
 */
final class EmulatorChild implements AutoCloseable {
    final Process process;
    final InetSocketAddress emulator;
    final InetSocketAddress sink;
    final TrustAnchor anchor;
    private final Path jwks;

    private EmulatorChild(Process process, InetSocketAddress emulator, InetSocketAddress sink, TrustAnchor anchor,
                          Path jwks) {
        this.process = process;
        this.emulator = emulator;
        this.sink = sink;
        this.anchor = anchor;
        this.jwks = jwks;
    }

    /** Starts an emulator trusting {@code ring}'s keys for {@link ConnectionScaleBench#ISSUER}. */
    static EmulatorChild launch(ProviderKeyRing ring, int maxConnections) throws IOException {
        Path jwks = Files.createTempFile("bench-jwks", ".json");
        Files.writeString(jwks, ProviderKeyExport.jwks(ring.published()));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g", "-cp", System.getProperty("java.class.path"), ConnectionScaleBench.class.getName(),
                "--serve", jwks.toString(), Integer.toString(maxConnections))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.US_ASCII));
        int port = -1;
        int sinkPort = -1;
        TrustAnchor anchor = null;
        String line;
        while (anchor == null && (line = out.readLine()) != null) {
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "PORT" -> port = Integer.parseInt(parts[1]);
                case "SINK" -> sinkPort = Integer.parseInt(parts[1]);
                case "ANCHOR" -> anchor = TrustAnchor.ofHex(parts[1], Integer.parseInt(parts[2]));
                default -> { }
            }
        }
        if (anchor == null) {
            child.destroy();
            throw new IOException("the emulator process did not start");
        }
        InetAddress lo = InetAddress.getLoopbackAddress();
        return new EmulatorChild(child, new InetSocketAddress(lo, port), new InetSocketAddress(lo, sinkPort), anchor,
                jwks);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        process.waitFor(10, TimeUnit.SECONDS);
        process.destroy();
        Files.deleteIfExists(jwks);
    }
}
