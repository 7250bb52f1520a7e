/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.wabridge.emulator.sim.SimulatedUser;
import org.wabridge.emulator.sim.SimulatedUserSpec;

/**
 * Runs the emulator alone: {@code java -jar wa-emulator.jar [emulator.properties]}. Prints where it listens,
 * the root public key, the trust-anchor file and the simulated WhatsApp users declared with {@code users=}
 * (e.g. {@code users=+491700000001:echo,+491700000002:reader}), then serves until the process is stopped.
 */
public final class EmulatorMain {
    private EmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        if (args.length > 0) {
            try (Reader r = Files.newBufferedReader(Path.of(args[0]))) {
                props.load(r);
            }
        }
        EmulatorConfig config = EmulatorConfig.fromProperties(props);
        List<SimulatedUserSpec> users = SimulatedUserSpec.parseList(props.getProperty("users"));
        WaEmulator emulator = WaEmulator.start(config, Clock.systemUTC());
        int controlPort = Integer.parseInt(props.getProperty("controlPort", "-1").strip());
        ControlApi control = controlPort < 0 ? null
                : ControlApi.start(emulator, new InetSocketAddress(config.bindAddress(), controlPort));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                emulator.close();
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.println("WhatsApp interop emulator");
        System.out.println("  tcp:          " + emulator.tcpAddress());
        System.out.println("  websocket:    " + emulator.webSocketUri());
        System.out.println("  media host:   " + (emulator.mediaAddress() == null ? "off"
                : "http://" + emulator.mediaAddress().getAddress().getHostAddress() + ":"
                + emulator.mediaAddress().getPort() + " (loopback HTTP; real WhatsApp uses HTTPS)"));
        System.out.println("  root key:     " + emulator.identity().rootPublicKeyHex() + " (serial 0)");
        System.out.println("  trust anchor: " + config.trustAnchorFile().toAbsolutePath());
        if (control != null) {
            System.out.println("  control api:  http://" + control.address().getAddress().getHostAddress() + ":"
                    + control.address().getPort() + "/status");
        }
        for (SimulatedUserSpec spec : users) {
            SimulatedUser user = emulator.simulatedUsers().create(spec);
            System.out.println("  sim user:     +" + user.phone() + " (" + user.jid() + ") " + spec.behaviour().wireName()
                    + ", " + spec.devices() + " device(s), " + (spec.optedIn() ? "opted in" : "NOT opted in")
                    + (user.isOnline() ? ", online" : ", offline"));
        }
        Thread.currentThread().join();
    }
}
