/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import java.time.Instant;
import java.util.Objects;

/**
 * What the admin status page shows about the plugin: its lifecycle state, when it was reached and, for the
 * states that need the administrator, a technical detail (never secrets or user data).
 *
 * @param state  the lifecycle state
 * @param since  when the state was entered
 * @param detail technical detail for {@link State#RESTART_REQUIRED} and {@link State#FAILED}, else empty
 */
public record PluginStatus(State state, Instant since, String detail) {

    /** Lifecycle of one load of the plugin. */
    public enum State {
        /** initializePlugin is running. */
        STARTING,
        /** Everything is wired and the gateway component is registered. */
        RUNNING,
        /**
         * libsignal's native library cannot be used in this class loader (typically after a reload): nothing
         * but the status page is active until Openfire restarts.
         */
        RESTART_REQUIRED,
        /** Wiring failed for another reason; everything wired so far was undone. */
        FAILED,
        /** destroyPlugin has run. */
        STOPPED
    }

    public PluginStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        detail = detail == null ? "" : detail;
    }

    /** @return the i18n key naming this state on the admin pages */
    public String stateKey() {
        return "whatsapp.status.state." + state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
