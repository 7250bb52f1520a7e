/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.util.List;
import java.util.Optional;
import org.wabridge.core.store.SignedPreKeyStore;
import org.wabridge.core.store.StoredKey;

/** {@link SignedPreKeyStore} over ofWaSignedPreKey, ids from the account row's nextSignedPreKeyId. */
final class JdbcSignedPreKeyStore implements SignedPreKeyStore {

    private static final String SELECT = "SELECT recordData FROM ofWaSignedPreKey WHERE account = ? AND keyId = ?";
    private static final String SELECT_ALL =
            "SELECT keyId, recordData FROM ofWaSignedPreKey WHERE account = ? ORDER BY keyId";
    private static final String EXISTS = "SELECT 1 FROM ofWaSignedPreKey WHERE account = ? AND keyId = ?";
    private static final String UPDATE =
            "UPDATE ofWaSignedPreKey SET recordData = ? WHERE account = ? AND keyId = ?";
    private static final String INSERT =
            "INSERT INTO ofWaSignedPreKey (account, keyId, recordData) VALUES (?, ?, ?)";
    private static final String DELETE = "DELETE FROM ofWaSignedPreKey WHERE account = ? AND keyId = ?";
    private static final String COUNT = "SELECT COUNT(*) FROM ofWaSignedPreKey WHERE account = ?";

    private final KeyRecordTable table;
    private final JdbcKeyIdAllocator ids;

    JdbcSignedPreKeyStore(JdbcAccess access) {
        this.table = new KeyRecordTable(access,
                new KeyRecordTable.Statements(SELECT, SELECT_ALL, EXISTS, UPDATE, INSERT, DELETE, COUNT),
                "signed prekey");
        this.ids = new JdbcKeyIdAllocator(access, JdbcKeyIdAllocator.Kind.SIGNED);
    }

    @Override
    public int allocateId() {
        return ids.allocate(1);
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
    public List<StoredKey> loadAll() {
        return table.loadAll();
    }

    @Override
    public boolean contains(int id) {
        return table.contains(id);
    }

    @Override
    public void remove(int id) {
        table.delete(id);
    }
}
