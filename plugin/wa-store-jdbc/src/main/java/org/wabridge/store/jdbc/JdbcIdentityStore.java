/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import static org.wabridge.store.jdbc.JdbcAccess.copy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.store.IdentityStore;
import org.wabridge.core.store.OwnIdentityRecord;

/** {@link IdentityStore} over ofWaSignalAccount (own identity) and ofWaPeerIdentity. */
final class JdbcIdentityStore implements IdentityStore {

    private static final String SELECT_OWN =
            "SELECT identityKeyPair, registrationId FROM ofWaSignalAccount WHERE account = ?";
    private static final String UPDATE_OWN =
            "UPDATE ofWaSignalAccount SET identityKeyPair = ?, registrationId = ? WHERE account = ?";
    private static final String SELECT_PEER =
            "SELECT identityKey FROM ofWaPeerIdentity WHERE account = ? AND peerName = ? AND deviceId = ?";
    private static final String UPDATE_PEER =
            "UPDATE ofWaPeerIdentity SET identityKey = ? WHERE account = ? AND peerName = ? AND deviceId = ?";
    private static final String INSERT_PEER =
            "INSERT INTO ofWaPeerIdentity (account, peerName, deviceId, identityKey) VALUES (?, ?, ?, ?)";
    private static final String DELETE_PEER =
            "DELETE FROM ofWaPeerIdentity WHERE account = ? AND peerName = ? AND deviceId = ?";

    private final JdbcAccess access;

    JdbcIdentityStore(JdbcAccess access) {
        this.access = access;
    }

    @Override
    public Optional<OwnIdentityRecord> loadOwnIdentity() {
        return access.read("own identity", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_OWN)) {
                select.setString(1, access.account);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    byte[] keyPair = copy(rows.getBytes(1));
                    int registrationId = rows.getInt(2);
                    return keyPair == null || rows.wasNull()
                            ? Optional.empty() : Optional.of(new OwnIdentityRecord(keyPair, registrationId));
                }
            }
        });
    }

    @Override
    public void saveOwnIdentity(OwnIdentityRecord identity) {
        Objects.requireNonNull(identity, "identity");
        access.write("own identity", connection -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE_OWN)) {
                update.setBytes(1, identity.keyPair());
                update.setInt(2, identity.registrationId());
                update.setString(3, access.account);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public Optional<byte[]> loadPeerIdentity(SignalAddress address) {
        Objects.requireNonNull(address, "address");
        return access.read("peer identity", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_PEER)) {
                select.setString(1, access.account);
                select.setString(2, address.name());
                select.setInt(3, address.deviceId());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(copy(rows.getBytes(1))) : Optional.<byte[]>empty();
                }
            }
        });
    }

    @Override
    public void savePeerIdentity(SignalAddress address, byte[] identityKey) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(identityKey, "identityKey");
        access.write("peer identity", connection -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE_PEER)) {
                update.setBytes(1, identityKey);
                update.setString(2, access.account);
                update.setString(3, address.name());
                update.setInt(4, address.deviceId());
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_PEER)) {
                insert.setString(1, access.account);
                insert.setString(2, address.name());
                insert.setInt(3, address.deviceId());
                insert.setBytes(4, identityKey);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void deletePeerIdentity(SignalAddress address) {
        Objects.requireNonNull(address, "address");
        access.write("peer identity", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_PEER)) {
                delete.setString(1, access.account);
                delete.setString(2, address.name());
                delete.setInt(3, address.deviceId());
                return delete.executeUpdate();
            }
        });
    }
}
