/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.io.PrintStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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

    /** The running emulator, its control API (null when off) and the simulated users it started with. */
    public record Running(WaEmulator emulator, ControlApi control, List<SimulatedUser> users)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (control != null) {
                control.close();
            }
            emulator.close();
        }
    }

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        if (args.length > 0) {
            try (Reader r = Files.newBufferedReader(Path.of(args[0]))) {
                props.load(r);
            }
        }
        Running running = start(props, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }));
        Thread.currentThread().join();
    }

    /** Starts everything the properties describe and prints where it listens and who is there. */
    public static Running start(Properties props, PrintStream out) throws Exception {
        EmulatorConfig config = EmulatorConfig.fromProperties(props);
        List<SimulatedUserSpec> specs = SimulatedUserSpec.parseList(props.getProperty("users"));
        WaEmulator emulator = WaEmulator.start(config, Clock.systemUTC());
        int controlPort = Integer.parseInt(props.getProperty("controlPort", "-1").strip());
        ControlApi control = controlPort < 0 ? null
                : ControlApi.start(emulator, new InetSocketAddress(config.bindAddress(), controlPort));
        out.println("WhatsApp interop emulator");
        out.println("  tcp:          " + emulator.tcpAddress());
        out.println("  websocket:    " + emulator.webSocketUri());
        out.println("  media host:   " + (emulator.mediaAddress() == null ? "off"
                : "http://" + emulator.mediaAddress().getAddress().getHostAddress() + ":"
                + emulator.mediaAddress().getPort() + " (loopback HTTP; real WhatsApp uses HTTPS)"));
        out.println("  root key:     " + emulator.identity().rootPublicKeyHex() + " (serial 0)");
        out.println("  trust anchor: " + config.trustAnchorFile().toAbsolutePath());
        if (control != null) {
            out.println("  control api:  http://" + control.address().getAddress().getHostAddress() + ":"
                    + control.address().getPort() + "/status");
        }
        List<SimulatedUser> users = new ArrayList<>();
        try {
            for (SimulatedUserSpec spec : specs) {
                SimulatedUser user = emulator.simulatedUsers().create(spec);
                users.add(user);
                out.println("  WhatsApp user: +" + user.phone() + " (" + user.jid() + ") "
                        + spec.behaviour().wireName() + ", " + spec.devices() + " device(s), "
                        + (spec.optedIn() ? "opted in" : "NOT opted in to third-party chats")
                        + (user.isOnline() ? ", online" : ", offline"));
            }
        } catch (Exception e) {
            new Running(emulator, control, users).close();
            throw e;
        }
        return new Running(emulator, control, List.copyOf(users));
    }
}
