/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

import java.util.Arrays;
import java.util.Objects;

/** A stored prekey record and its id. {@link #toString()} never shows the record (it holds a private key). */
public record StoredKey(int id, byte[] record) {

    public StoredKey {
        record = Objects.requireNonNull(record, "record").clone();
    }

    @Override
    public byte[] record() {
        return record.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredKey that && id == that.id && Arrays.equals(record, that.record);
    }

    @Override
    public int hashCode() {
        return id;
    }

    @Override
    public String toString() {
        return "StoredKey[id=" + id + ", <redacted>]";
    }
}
