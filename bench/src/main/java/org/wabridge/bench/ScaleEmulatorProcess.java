/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.wabridge.core.auth.TokenProfile;
import org.wabridge.core.cert.TrustAnchor;
import org.wabridge.emulator.EmulatorConfig;
import org.wabridge.emulator.WaEmulator;

/**
 * The emulator side of {@link ConnectionScaleBench}, in a second JVM: 10,000 connections need 10,000 file
 * descriptors on each end, and one process holding both ends would exceed a 20,000 descriptor limit; it also
 * keeps the bridge's heap figures free of the emulator's. Next to the emulator it runs a "sink" that accepts
 * plain sockets and holds them (the bare-socket reference). It prints {@code PORT}, {@code SINK} and
 * {@code ANCHOR} lines, then serves until its standard input closes (the parent exited).
 */
final class ScaleEmulatorProcess {
    private ScaleEmulatorProcess() {
    }

    static void serve(Path jwks, String issuer, int maxConnections) throws Exception {
        EmulatorConfig config = EmulatorConfig.defaults()
                .withProviders(List.of(new EmulatorConfig.Provider(issuer, TokenProfile.DEFAULT_AUDIENCE, jwks, null)))
                .withLimits(maxConnections, 1 << 20, 1000, 600, 50);
        WaEmulator emulator = WaEmulator.start(config, Clock.systemUTC());
        ServerSocketChannel sink = ServerSocketChannel.open();
        sink.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        List<SocketChannel> held = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread sinkThread = new Thread(() -> {
            try {
                while (true) {
                    held.add(sink.accept());
                }
            } catch (IOException e) {
                // closed at exit
            }
        }, "bare-socket-sink");
        sinkThread.setDaemon(true);
        sinkThread.start();
        TrustAnchor anchor = emulator.trustAnchor();
        System.out.println("PORT " + emulator.tcpAddress().getPort());
        System.out.println("SINK " + ((InetSocketAddress) sink.getLocalAddress()).getPort());
        System.out.println("ANCHOR " + java.util.HexFormat.of().formatHex(anchor.rootPublicKey()) + " "
                + anchor.rootSerial());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("CLOSE-SINK")) {
                synchronized (held) {
                    for (SocketChannel c : held) {
                        c.close();
                    }
                    held.clear();
                }
            }
        }
        emulator.close();
        System.exit(0);
    }
}
