/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wabridge.core.store.PendingInbound;
import org.wabridge.core.store.PendingInboundStore;

/** The behaviour every {@link PendingInboundStore} must show; subclasses return an empty store. */
public abstract class PendingInboundStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    protected abstract PendingInboundStore newStore() throws Exception;

    private static PendingInbound record(String id, byte[] plaintext) {
        return new PendingInbound("491700000002@s.whatsapp.net|" + id, id, "491700000002@s.whatsapp.net", plaintext,
                T0);
    }

    @Test
    void storedRecordComesBackWithEveryByte() throws Exception {
        PendingInboundStore store = newStore();
        PendingInbound r = record("3EB0AA", new byte[] {10, 3, 'h', 'i', 0, -1});
        store.put(r);
        PendingInbound back = store.get(r.key()).orElseThrow();
        assertEquals(r, back);
        assertArrayEquals(new byte[] {10, 3, 'h', 'i', 0, -1}, back.plaintext());
        assertEquals(1, store.size());
    }

    @Test
    void putReplacesAndRemoveForgetsOnlyThatKey() throws Exception {
        PendingInboundStore store = newStore();
        store.put(record("a", new byte[] {1}));
        store.put(record("a", new byte[] {2}));
        store.put(record("b", new byte[] {3}));
        assertArrayEquals(new byte[] {2}, store.get(record("a", new byte[0]).key()).orElseThrow().plaintext());
        store.remove(record("a", new byte[0]).key());
        store.remove("never-stored");
        assertEquals(Optional.empty(), store.get(record("a", new byte[0]).key()));
        assertEquals(1, store.size());
    }
}
