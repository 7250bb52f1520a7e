/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.util.concurrent.atomic.AtomicLong;

/** Monotonic counters a test or operator can read through {@link WaEmulator#counters()}. */
public final class Counters {
    final AtomicLong connectionsAccepted = new AtomicLong();
    final AtomicLong connectionsRefused = new AtomicLong();
    final AtomicLong loginsAccepted = new AtomicLong();
    final AtomicLong loginsRefused = new AtomicLong();
    final AtomicLong malformedInputs = new AtomicLong();
    final AtomicLong clientsFlooding = new AtomicLong();

    public long connectionsAccepted() {
        return connectionsAccepted.get();
    }

    /** Connections closed at once because {@code maxConnections} were already open. */
    public long connectionsRefused() {
        return connectionsRefused.get();
    }

    public long loginsAccepted() {
        return loginsAccepted.get();
    }

    public long loginsRefused() {
        return loginsRefused.get();
    }

    /** Connections ended with a stream error because a frame or node was malformed. */
    public long malformedInputs() {
        return malformedInputs.get();
    }

    /** Connections closed because the client sent more frames than the emulator may hold unprocessed. */
    public long clientsFlooding() {
        return clientsFlooding.get();
    }
}
