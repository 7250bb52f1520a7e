/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's signing keys: exactly one current key signs new tokens; after {@link #rotate} the previous key
 * stays published for {@code overlap} so that tokens it signed (and verifiers that cached the old JWKS) keep
 * working, then {@link #prune} forgets it. The overlap must exceed the token lifetime plus the verifier's JWKS
 * cache time. Thread-safe; all state changes go through the store first.
 */
public final class ProviderKeyRing {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderKeyRing.class);

    /** Current key first, then by retirement, newest first; kid breaks ties so the order is stable. */
    private static final Comparator<ProviderKey> NEWEST_FIRST = Comparator
            .comparing((ProviderKey k) -> k.retiredAt().orElse(Instant.MAX)).reversed()
            .thenComparing(Comparator.comparing(ProviderKey::createdAt).reversed())
            .thenComparing(ProviderKey::kid);

    private final ProviderKeyStore store;
    private final Clock clock;
    private final SigningAlgorithm algorithm;
    private final Duration overlap;
    private final List<ProviderKey> keys = new ArrayList<>();

    /** Loads the stored keys and generates a first key if there is no current one. */
    public ProviderKeyRing(ProviderKeyStore store, Clock clock, SigningAlgorithm algorithm, Duration overlap) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.overlap = Objects.requireNonNull(overlap, "overlap");
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must not be negative");
        }
        for (StoredProviderKey stored : store.loadAll()) {
            keys.add(ProviderKey.fromStored(stored));
        }
        if (findCurrent().isEmpty()) {
            add(ProviderKey.generate(algorithm, clock.instant()));
        }
    }

    /** The key that signs new tokens. */
    public synchronized ProviderKey current() {
        return findCurrent().orElseThrow(() -> new AuthException("provider key ring has no current key"));
    }

    /**
     * Generates a new current key (with the ring's algorithm, so rotation is also how the algorithm changes)
     * and retires the previous one as of now. Returns the new key.
     */
    public synchronized ProviderKey rotate() {
        Instant now = clock.instant();
        Optional<ProviderKey> previous = findCurrent();
        ProviderKey next = ProviderKey.generate(algorithm, now);
        add(next); // store the new key first: a crash in between leaves two current keys, never none
        previous.ifPresent(old -> {
            StoredProviderKey retired = old.toStored().retire(now);
            store.save(retired);
            keys.remove(old);
            keys.add(ProviderKey.fromStored(retired));
        });
        LOG.info("rotated provider signing key: new kid {}, previous kid {} published until {}", next.kid(),
                previous.map(ProviderKey::kid).orElse("-"), now.plus(overlap));
        return next;
    }

    /**
     * Keys a verifier should accept now: the current key plus retired keys still inside the overlap window,
     * current first, then the most recently retired.
     */
    public synchronized List<ProviderKey> published() {
        Instant now = clock.instant();
        List<ProviderKey> out = new ArrayList<>();
        for (ProviderKey key : keys) {
            if (key.retiredAt().isEmpty() || key.retiredAt().get().plus(overlap).isAfter(now)) {
                out.add(key);
            }
        }
        out.sort(NEWEST_FIRST);
        return out;
    }

    /** Deletes retired keys whose overlap window has ended; returns how many. */
    public synchronized int prune() {
        List<ProviderKey> keep = published();
        List<ProviderKey> gone = new ArrayList<>(keys);
        gone.removeAll(keep);
        for (ProviderKey key : gone) {
            store.delete(key.kid());
            keys.remove(key);
        }
        return gone.size();
    }

    private Optional<ProviderKey> findCurrent() {
        return keys.stream().filter(k -> k.retiredAt().isEmpty()).sorted(NEWEST_FIRST).findFirst();
    }

    private void add(ProviderKey key) {
        store.save(key.toStored());
        keys.add(key);
    }
}
