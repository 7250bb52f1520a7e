/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, from the user's XMPP client resources coming and going, whether the WhatsApp session should be
 * open. Pure: callers pass the time and carry out the returned {@link Decision}. A short grace (at most 1 s)
 * after the last resource leaves absorbs a client that reconnects at once (e.g. a network switch), without
 * keeping the session beyond the Reference Offer's "end immediately" in any meaningful way.
 * Not thread-safe: drive it from the session's serial executor.
 */
public final class LifecycleController {
    /** The longest grace allowed: issue 6 requires closing within 1 s after the last client leaves. */
    public static final Duration MAX_GRACE = Duration.ofSeconds(1);

    /** What the caller must do. */
    public enum Action {
        /** Open (connect) the session if it is not open. */
        OPEN,
        /** Close the session now. */
        CLOSE,
        /** Call {@link #onTimer} at {@link Decision#checkAt()}. */
        CHECK_LATER,
        /** Nothing to do. */
        NONE
    }

    /** An action, and for {@link Action#CHECK_LATER} when to call back. */
    public record Decision(Action action, Optional<Instant> checkAt) {
        static final Decision OPEN = new Decision(Action.OPEN, Optional.empty());
        static final Decision CLOSE = new Decision(Action.CLOSE, Optional.empty());
        static final Decision NONE = new Decision(Action.NONE, Optional.empty());
    }

    private final LifecycleMode mode;
    private final Duration grace;
    private final Set<String> onlineResources = new HashSet<>();
    private boolean wantOpen;
    private Instant closeDeadline;

    public LifecycleController(LifecycleMode mode, Duration grace) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.grace = Objects.requireNonNull(grace, "grace");
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new IllegalArgumentException("grace must be 0..1 s: " + grace);
        }
    }

    /** The engine is enabled (plugin start, account linked): always-on opens now, follow-client waits. */
    public Decision start() {
        if (mode == LifecycleMode.ALWAYS_ON || !onlineResources.isEmpty()) {
            return open();
        }
        return Decision.NONE;
    }

    /** An XMPP client resource of this user became available. */
    public Decision resourceOnline(String resource) {
        onlineResources.add(Objects.requireNonNull(resource, "resource"));
        closeDeadline = null; // a pending close is cancelled: the session is needed again
        return open();
    }

    /** An XMPP client resource of this user went unavailable or disconnected. */
    public Decision resourceOffline(String resource, Instant now) {
        onlineResources.remove(Objects.requireNonNull(resource, "resource"));
        if (mode == LifecycleMode.ALWAYS_ON || !onlineResources.isEmpty() || !wantOpen) {
            return Decision.NONE;
        }
        if (grace.isZero()) {
            return close();
        }
        closeDeadline = now.plus(grace);
        return new Decision(Action.CHECK_LATER, Optional.of(closeDeadline));
    }

    /** The timer asked for by {@link Action#CHECK_LATER} fired (or any later time). */
    public Decision onTimer(Instant now) {
        if (closeDeadline == null || !onlineResources.isEmpty()) {
            return Decision.NONE;
        }
        if (now.isBefore(closeDeadline)) {
            // timers and wall clocks disagree by a millisecond or so: an early timer must ask again, or the
            // session would stay open with no client
            return new Decision(Action.CHECK_LATER, Optional.of(closeDeadline));
        }
        return close();
    }

    /** True while the controller wants the session open. */
    public boolean wantsOpen() {
        return wantOpen;
    }

    /** Resources currently online (for the admin page). */
    public Set<String> onlineResources() {
        return Set.copyOf(onlineResources);
    }

    private Decision open() {
        closeDeadline = null;
        if (wantOpen) {
            return Decision.NONE;
        }
        wantOpen = true;
        return Decision.OPEN;
    }

    private Decision close() {
        closeDeadline = null;
        wantOpen = false;
        return Decision.CLOSE;
    }
}
