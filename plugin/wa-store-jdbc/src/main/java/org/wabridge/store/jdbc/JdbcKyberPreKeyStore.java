/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.util.List;
import java.util.Optional;
import org.wabridge.core.store.KyberPreKeyStore;
import org.wabridge.core.store.StoredKey;

/** {@link KyberPreKeyStore} over ofWaKyberPreKey ({@code lastResort} 1/0), ids from nextKyberPreKeyId. */
final class JdbcKyberPreKeyStore implements KyberPreKeyStore {

    private static final String SELECT = "SELECT recordData FROM ofWaKyberPreKey WHERE account = ? AND keyId = ?";
    private static final String SELECT_ALL =
            "SELECT keyId, recordData FROM ofWaKyberPreKey WHERE account = ? ORDER BY keyId";
    private static final String EXISTS = "SELECT 1 FROM ofWaKyberPreKey WHERE account = ? AND keyId = ?";
    private static final String UPDATE =
            "UPDATE ofWaKyberPreKey SET recordData = ?, lastResort = ? WHERE account = ? AND keyId = ?";
    private static final String INSERT =
            "INSERT INTO ofWaKyberPreKey (account, keyId, recordData, lastResort) VALUES (?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM ofWaKyberPreKey WHERE account = ? AND keyId = ?";
    private static final String COUNT = "SELECT COUNT(*) FROM ofWaKyberPreKey WHERE account = ?";
    /** A used one-time key is deleted; a last-resort key stays. */
    private static final String DELETE_IF_ONE_TIME =
            "DELETE FROM ofWaKyberPreKey WHERE account = ? AND keyId = ? AND lastResort = 0";

    private final JdbcAccess access;
    private final KeyRecordTable table;
    private final JdbcKeyIdAllocator ids;

    JdbcKyberPreKeyStore(JdbcAccess access) {
        this.access = access;
        this.table = new KeyRecordTable(access,
                new KeyRecordTable.Statements(SELECT, SELECT_ALL, EXISTS, UPDATE, INSERT, DELETE, COUNT),
                "Kyber prekey");
        this.ids = new JdbcKeyIdAllocator(access, JdbcKeyIdAllocator.Kind.KYBER);
    }

    @Override
    public int allocateId() {
        return ids.allocate(1);
    }

    @Override
    public void store(int id, byte[] record, boolean lastResort) {
        table.store(id, record, lastResort ? 1 : 0);
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
    public void markUsed(int id) {
        access.write("Kyber prekey", connection -> {
            try (java.sql.PreparedStatement delete = connection.prepareStatement(DELETE_IF_ONE_TIME)) {
                delete.setString(1, access.account);
                delete.setInt(2, id);
                return delete.executeUpdate();
            }
        });
    }
}
