/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

/** The id space shared by all prekey kinds: WhatsApp sends prekey ids as 3 bytes (whatsapp-protocol.md §5.3). */
public final class KeyIds {

    /** First id an allocator hands out. */
    public static final int FIRST_ID = 1;
    /** Last id an allocator hands out; after it the allocator fails instead of wrapping (ids are never reused). */
    public static final int MAX_ID = 0xFFFFFF;

    private KeyIds() {
    }

    /** Validates an allocation request and returns the block's end (exclusive) or throws if exhausted. */
    public static int checkedBlockEnd(int next, int count, String kind) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        long end = (long) next + count;
        if (end - 1 > MAX_ID) {
            throw new StoreException(kind + " id space exhausted: next id " + next + ", requested " + count
                    + ", max " + MAX_ID + " (ids are never reused)");
        }
        return (int) end;
    }
}
