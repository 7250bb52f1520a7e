/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.auth.ProviderKey;
import org.wabridge.core.auth.ProviderKeyExport;
import org.wabridge.core.auth.ProviderKeyRing;
import org.wabridge.core.auth.ProviderKeyStore;

/**
 * The gateway's key ring under its settings: {@link #start} loads the stored keys (the ring creates the first
 * key if there is none), then {@link #apply} rotates when the current key is older than the rotation age or of
 * another algorithm than configured, and forgets keys past their overlap. The JWKS is built from the ring on
 * each call, so a rotation shows at once.
 */
public final class ProviderKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderKeys.class);

    private final ProviderKeyStore store;
    private final Clock clock;
    private volatile ProviderKeyRing ring;
    private volatile ProviderKeySettings settings;

    public ProviderKeys(ProviderKeyStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Loads the ring with these settings and applies them. Blocking database I/O. */
    public synchronized void start(ProviderKeySettings initial) {
        settings = initial;
        ring = new ProviderKeyRing(store, clock, initial.algorithm(), initial.overlap());
        apply(initial);
    }

    /** Re-reads the settings: rotates or prunes as they say. Blocking database I/O. */
    public synchronized void apply(ProviderKeySettings fresh) {
        ProviderKeyRing r = ring();
        if (!fresh.algorithm().equals(settings.algorithm()) || !fresh.overlap().equals(settings.overlap())) {
            r = new ProviderKeyRing(store, clock, fresh.algorithm(), fresh.overlap());
            ring = r;
        }
        settings = fresh;
        ProviderKey current = r.current();
        Instant now = clock.instant();
        boolean tooOld = !fresh.rotateAfter().isZero() && !current.createdAt().plus(fresh.rotateAfter()).isAfter(now);
        if (tooOld || current.algorithm() != fresh.algorithm()) {
            r.rotate();
        }
        int pruned = r.prune();
        if (pruned > 0) {
            LOG.info("forgot {} provider signing key(s) past their overlap", pruned);
        }
    }

    /** The ring that signs interop tokens (for the session layer's token minter). */
    public ProviderKeyRing ring() {
        ProviderKeyRing r = ring;
        if (r == null) {
            throw new IllegalStateException("provider keys not started");
        }
        return r;
    }

    public ProviderKeySettings settings() {
        return settings;
    }

    /** The JWKS document of the published keys: public halves only. */
    public String jwks() {
        return ProviderKeyExport.jwks(ring().published());
    }
}
