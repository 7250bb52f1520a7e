/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's accounts: simulated WhatsApp users (devices with registered Noise keys) and interop
 * accounts (created on their first valid token), each with the third-party-chat opt-in flag, temporary
 * bans and per-device queues. Thread-safe.
 */
public final class Directory {
    /** One account; devices are kept sorted by id. */
    static final class Account {
        final String user;
        final boolean interop;
        volatile boolean optedIn;
        volatile Instant bannedUntil;
        final Map<Integer, byte[]> noiseKeys = new TreeMap<>();
        final Map<Integer, DeviceQueue> queues = new TreeMap<>();

        Account(String user, boolean interop, boolean optedIn) {
            this.user = user;
            this.interop = interop;
            this.optedIn = optedIn;
        }
    }

    /** Hears about device-list changes (outside the account lock). */
    interface DeviceListListener {
        void deviceAdded(String user, int device, boolean interop);

        void deviceRemoved(String user, int device, boolean interop);
    }

    private static final DeviceListListener NOBODY = new DeviceListListener() {
        @Override
        public void deviceAdded(String user, int device, boolean interop) {
        }

        @Override
        public void deviceRemoved(String user, int device, boolean interop) {
        }
    };

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private volatile DeviceListListener listener = NOBODY;
    private final Clock clock;
    private final int queueCapacity;
    private final Duration retention;

    Directory(Clock clock, int queueCapacity, Duration retention) {
        this.clock = clock;
        this.queueCapacity = queueCapacity;
        this.retention = retention;
    }

    void setDeviceListListener(DeviceListListener listener) {
        this.listener = listener;
    }

    /** Adds (or keeps) a simulated WhatsApp user; {@code optedIn} = accepts third-party chats. */
    public void addUser(String user, boolean optedIn) {
        accounts.computeIfAbsent(user, u -> new Account(u, false, optedIn)).optedIn = optedIn;
    }

    /** Registers a device of a simulated user with the Noise static key it will log in with. */
    public void addDevice(String user, int device, byte[] noisePublicKey) {
        Account a = require(user);
        boolean added;
        synchronized (a) {
            a.noiseKeys.put(device, noisePublicKey.clone());
            added = !a.queues.containsKey(device);
            a.queues.computeIfAbsent(device, d -> new DeviceQueue(queueCapacity, retention, clock));
        }
        if (added) {
            listener.deviceAdded(user, device, a.interop);
        }
    }

    /** Forgets a device and its queue. */
    public boolean removeDevice(String user, int device) {
        Account a = accounts.get(user);
        if (a == null) {
            return false;
        }
        boolean removed;
        synchronized (a) {
            removed = a.queues.remove(device) != null;
            a.noiseKeys.remove(device);
        }
        if (removed) {
            listener.deviceRemoved(user, device, a.interop);
        }
        return removed;
    }

    /** Whether a WhatsApp or interop account with this user part is registered. */
    public boolean exists(String user) {
        return accounts.containsKey(user);
    }

    public boolean removeUser(String user) {
        return accounts.remove(user) != null;
    }

    public void setOptIn(String user, boolean optedIn) {
        require(user).optedIn = optedIn;
    }

    /** Bans an account from logging in until {@code now + duration} (failure 402 with expire). */
    public void banTemporarily(String user, Duration duration) {
        require(user).bannedUntil = clock.instant().plus(duration);
    }

    public Optional<Instant> bannedUntil(String user) {
        Account a = accounts.get(user);
        Instant until = a == null ? null : a.bannedUntil;
        return until != null && until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
    }

    /** Stanzas waiting for a device's ack (0 for unknown devices). */
    public int pendingFor(String user, int device) {
        DeviceQueue q = queue(user, device);
        return q == null ? 0 : q.size();
    }

    /** The account's device ids in ascending order (empty for unknown users). */
    public Set<Integer> devices(String user) {
        Account a = accounts.get(user);
        if (a == null) {
            return Set.of();
        }
        synchronized (a) {
            return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(a.queues.keySet()));
        }
    }

    Optional<Account> account(String user) {
        return Optional.ofNullable(accounts.get(user));
    }

    /** Interop accounts exist once a token proved them; their devices appear on login. */
    Account ensureInteropDevice(String user, int device) {
        // No device-list notification here: an interop device "appears" on every first login, and the
        // partner's own device list is its business (the emulator models one device per bridged user).
        Account a = accounts.computeIfAbsent(user, u -> new Account(u, true, true));
        synchronized (a) {
            a.queues.computeIfAbsent(device, d -> new DeviceQueue(queueCapacity, retention, clock));
        }
        return a;
    }

    boolean noiseKeyMatches(String user, int device, byte[] key) {
        Account a = accounts.get(user);
        if (a == null || a.interop) {
            return false;
        }
        synchronized (a) {
            byte[] registered = a.noiseKeys.get(device);
            return registered != null && Arrays.equals(registered, key);
        }
    }

    private Account require(String user) {
        Account a = accounts.get(user);
        if (a == null) {
            throw new IllegalArgumentException("no such account: " + user);
        }
        return a;
    }

    DeviceQueue queue(String user, int device) {
        Account a = accounts.get(user);
        if (a == null) {
            return null;
        }
        synchronized (a) {
            return a.queues.get(device);
        }
    }
}
