/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wabridge.core.auth.PrivateKeyMaterial;
import org.wabridge.core.auth.ProviderKey;
import org.wabridge.core.auth.ProviderKeyRing;
import org.wabridge.core.auth.ProviderKeyStore;
import org.wabridge.core.auth.SigningAlgorithm;
import org.wabridge.core.auth.StoredProviderKey;
import org.wabridge.core.testing.MutableClock;

/**
 * What every {@link ProviderKeyStore} must do: round-trip every field exactly (instants to the millisecond at
 * least, byte arrays bit for bit), replace on the same kid, ignore unknown deletes, start empty, and survive
 * concurrent writers. Subclasses supply a fresh, empty store per test.
 */
public abstract class ProviderKeyStoreContract {

    private ProviderKeyStore store;

    /** A fresh store with no keys; called before every test. */
    protected abstract ProviderKeyStore newEmptyStore() throws Exception;

    /** Releases what {@link #newEmptyStore()} opened. */
    protected void closeStore() throws Exception {
    }

    @BeforeEach
    final void open() throws Exception {
        store = newEmptyStore();
    }

    @AfterEach
    final void close() throws Exception {
        closeStore();
    }

    private static StoredProviderKey key(String kid, Instant created, Optional<Instant> retired, int seed) {
        byte[] pub = new byte[91];
        byte[] priv = new byte[138];
        for (int i = 0; i < pub.length; i++) {
            pub[i] = (byte) (seed * 31 + i);
        }
        for (int i = 0; i < priv.length; i++) {
            priv[i] = (byte) (seed * 17 - i); // includes 0x00 and 0xff bytes
        }
        return new StoredProviderKey(kid, "ES256", created, retired, pub, new PrivateKeyMaterial(priv));
    }

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    @Test
    void aNewStoreIsEmpty() {
        assertEquals(List.of(), store.loadAll());
    }

    @Test
    void savedKeysComeBackWithEveryField() {
        StoredProviderKey current = key("kid-current_AbC-09", T0, Optional.empty(), 1);
        StoredProviderKey retired = key("kid-retired", T0.minus(Duration.ofDays(90)), Optional.of(T0), 2);
        store.save(current);
        store.save(retired);

        List<StoredProviderKey> loaded = sorted(store.loadAll());
        assertEquals(sorted(List.of(current, retired)), loaded);
        StoredProviderKey back = loaded.get(0);
        assertEquals("kid-current_AbC-09", back.kid());
        assertEquals("ES256", back.algorithm());
        assertEquals(T0, back.createdAt());
        assertEquals(Optional.empty(), back.retiredAt());
        assertArrayEquals(current.publicX509(), back.publicX509());
        assertArrayEquals(current.privateKey().pkcs8(), back.privateKey().pkcs8());
        assertEquals(Optional.of(T0), loaded.get(1).retiredAt());
    }

    @Test
    void savingTheSameKidReplacesTheKey() {
        StoredProviderKey current = key("k1", T0, Optional.empty(), 3);
        store.save(current);
        Instant retiredAt = T0.plus(Duration.ofDays(30));
        store.save(current.retire(retiredAt));

        List<StoredProviderKey> loaded = store.loadAll();
        assertEquals(1, loaded.size());
        assertEquals(Optional.of(retiredAt), loaded.get(0).retiredAt());
    }

    @Test
    void deleteRemovesOnlyThatKeyAndIgnoresUnknownIds() {
        store.save(key("a", T0, Optional.empty(), 4));
        store.save(key("b", T0, Optional.of(T0), 5));
        store.delete("a");
        store.delete("never-stored");
        assertEquals(List.of("b"), store.loadAll().stream().map(StoredProviderKey::kid).collect(Collectors.toList()));
    }

    @Test
    void concurrentWritersLoseNoKey() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    store.save(key("c" + n, T0.plusSeconds(n), Optional.empty(), n));
                    store.save(key("c" + n, T0.plusSeconds(n), Optional.of(T0.plusSeconds(n + 1)), n));
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<StoredProviderKey> loaded = store.loadAll();
        assertEquals(16, loaded.size());
        assertTrue(loaded.stream().allMatch(k -> k.retiredAt().isPresent()));
    }

    @Test
    void aRingBuiltOnTheStoreSurvivesReloadAndRotation() {
        MutableClock clock = new MutableClock(T0);
        ProviderKeyRing ring = new ProviderKeyRing(store, clock, SigningAlgorithm.ES256, Duration.ofDays(2));
        String first = ring.current().kid();
        clock.advance(Duration.ofDays(1));
        ring.rotate();

        ProviderKeyRing reloaded = new ProviderKeyRing(store, clock, SigningAlgorithm.ES256, Duration.ofDays(2));
        assertEquals(ring.current().kid(), reloaded.current().kid());
        assertEquals(List.of(ring.current().kid(), first),
                reloaded.published().stream().map(ProviderKey::kid).collect(Collectors.toList()));
        clock.advance(Duration.ofDays(3));
        assertEquals(1, reloaded.prune());
        assertEquals(1, store.loadAll().size());
    }

    private static List<StoredProviderKey> sorted(List<StoredProviderKey> keys) {
        List<StoredProviderKey> copy = new ArrayList<>(keys);
        copy.sort(Comparator.comparing(StoredProviderKey::retiredAt, Comparator.comparing(o -> o.orElse(Instant.MIN))));
        return copy;
    }
}
