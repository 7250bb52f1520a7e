/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.util.Optional;
import org.wabridge.core.store.PreKeyStore;

/** {@link PreKeyStore} over ofWaPreKey, ids from the account row's nextPreKeyId. */
final class JdbcPreKeyStore implements PreKeyStore {

    private static final String SELECT = "SELECT recordData FROM ofWaPreKey WHERE account = ? AND keyId = ?";
    private static final String SELECT_ALL =
            "SELECT keyId, recordData FROM ofWaPreKey WHERE account = ? ORDER BY keyId";
    private static final String EXISTS = "SELECT 1 FROM ofWaPreKey WHERE account = ? AND keyId = ?";
    private static final String UPDATE = "UPDATE ofWaPreKey SET recordData = ? WHERE account = ? AND keyId = ?";
    private static final String INSERT = "INSERT INTO ofWaPreKey (account, keyId, recordData) VALUES (?, ?, ?)";
    private static final String DELETE = "DELETE FROM ofWaPreKey WHERE account = ? AND keyId = ?";
    private static final String COUNT = "SELECT COUNT(*) FROM ofWaPreKey WHERE account = ?";

    private final KeyRecordTable table;
    private final JdbcKeyIdAllocator ids;

    JdbcPreKeyStore(JdbcAccess access) {
        this.table = new KeyRecordTable(access,
                new KeyRecordTable.Statements(SELECT, SELECT_ALL, EXISTS, UPDATE, INSERT, DELETE, COUNT),
                "one-time prekey");
        this.ids = new JdbcKeyIdAllocator(access, JdbcKeyIdAllocator.Kind.ONE_TIME);
    }

    @Override
    public int allocateIds(int count) {
        return ids.allocate(count);
    }

    @Override
    public void store(int id, byte[] record) {
        table.store(id, record, null);
    }

    @Override
    public Optional<byte[]> load(int id) {
        return table.load(id);
    }

    @Override
    public boolean contains(int id) {
        return table.contains(id);
    }

    @Override
    public void remove(int id) {
        table.delete(id);
    }

    @Override
    public int count() {
        return table.count();
    }
}
