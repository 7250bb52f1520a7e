/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to create a simulated user: its phone number (digits, a leading {@code +} is dropped), how many devices
 * (0 = the phone, 1… = companions), whether it opted in to third-party chats, its behaviour and, for
 * {@link Behaviour#READER}, how long it waits before reading.
 */
public record SimulatedUserSpec(String phone, int devices, boolean optedIn, Behaviour behaviour,
                                Duration readDelay) {
    public static final Duration DEFAULT_READ_DELAY = Duration.ofSeconds(2);
    /** WhatsApp allows a phone plus a handful of companions; more makes no sense here. */
    public static final int MAX_DEVICES = 5;

    public SimulatedUserSpec {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(readDelay, "readDelay");
        phone = phone.strip();
        if (phone.startsWith("+")) {
            phone = phone.substring(1);
        }
        if (!phone.matches("[1-9][0-9]{5,14}")) {
            throw new IllegalArgumentException("a phone number is 6 to 15 digits (E.164 without +): " + phone);
        }
        if (devices < 1 || devices > MAX_DEVICES) {
            throw new IllegalArgumentException("devices must be 1.." + MAX_DEVICES + ": " + devices);
        }
        if (readDelay.isNegative()) {
            throw new IllegalArgumentException("read delay must not be negative");
        }
    }

    /** One device, opted in, the given behaviour, the default read delay. */
    public static SimulatedUserSpec of(String phone, Behaviour behaviour) {
        return new SimulatedUserSpec(phone, 1, true, behaviour, DEFAULT_READ_DELAY);
    }

    public SimulatedUserSpec withDevices(int count) {
        return new SimulatedUserSpec(phone, count, optedIn, behaviour, readDelay);
    }

    public SimulatedUserSpec withOptIn(boolean value) {
        return new SimulatedUserSpec(phone, devices, value, behaviour, readDelay);
    }

    public SimulatedUserSpec withReadDelay(Duration delay) {
        return new SimulatedUserSpec(phone, devices, optedIn, behaviour, delay);
    }

    /**
     * Parses the {@code users} property: comma-separated entries {@code phone[:behaviour][:devices=N]
     * [:optIn=false][:readDelay=PT2S]}, e.g. {@code +491700000001:echo,+491700000002:reader:devices=2}.
     */
    public static List<SimulatedUserSpec> parseList(String property) {
        List<SimulatedUserSpec> out = new ArrayList<>();
        if (property == null || property.isBlank()) {
            return out;
        }
        for (String entry : property.split(",")) {
            if (!entry.isBlank()) {
                out.add(parse(entry));
            }
        }
        return out;
    }

    static SimulatedUserSpec parse(String entry) {
        String[] parts = entry.strip().split(":");
        SimulatedUserSpec spec = of(parts[0], Behaviour.NONE);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int eq = part.indexOf('=');
            if (eq < 0) {
                spec = new SimulatedUserSpec(spec.phone, spec.devices, spec.optedIn, Behaviour.parse(part),
                        spec.readDelay);
                continue;
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            switch (key) {
                case "devices":
                    spec = spec.withDevices(Integer.parseInt(value));
                    break;
                case "optin":
                    spec = spec.withOptIn(parseBoolean(value));
                    break;
                case "readdelay":
                    spec = spec.withReadDelay(Duration.parse(value));
                    break;
                default:
                    throw new IllegalArgumentException("unknown simulated-user option '" + key + "' in " + entry);
            }
        }
        return spec;
    }

    private static boolean parseBoolean(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("expected true or false: " + value);
    }
}
