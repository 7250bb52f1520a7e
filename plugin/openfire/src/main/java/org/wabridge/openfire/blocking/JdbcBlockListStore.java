/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.blocking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.wabridge.openfire.registration.JdbcRegistrationStore.ConnectionSource;

/**
 * {@link BlockListStore} over the plugin's {@code ofWaBlock} table, plain SQL for every supported database. An
 * insert that hits the primary key (a concurrent or repeated block) counts as "already blocked".
 */
public final class JdbcBlockListStore implements BlockListStore {

    private static final String INSERT = "INSERT INTO ofWaBlock (username, phone, created) VALUES (?, ?, ?)";
    private static final String EXISTS = "SELECT 1 FROM ofWaBlock WHERE username = ? AND phone = ?";
    private static final String DELETE = "DELETE FROM ofWaBlock WHERE username = ? AND phone = ?";
    private static final String DELETE_ALL = "DELETE FROM ofWaBlock WHERE username = ?";
    private static final String LIST = "SELECT phone FROM ofWaBlock WHERE username = ?";

    private final ConnectionSource connections;

    public JdbcBlockListStore(ConnectionSource connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public boolean add(String username, String e164, Instant at) throws BlockListStoreException {
        if (contains(username, e164)) {
            return false;
        }
        try (Connection con = connections.get(); PreparedStatement ps = con.prepareStatement(INSERT)) {
            ps.setString(1, username);
            ps.setString(2, e164);
            ps.setLong(3, at.toEpochMilli());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false; // blocked concurrently
            }
            throw new BlockListStoreException("cannot add a block for " + username, e);
        }
    }

    @Override
    public boolean remove(String username, String e164) throws BlockListStoreException {
        return update(DELETE, "remove a block", username, e164) > 0;
    }

    @Override
    public SortedSet<String> list(String username) throws BlockListStoreException {
        try (Connection con = connections.get(); PreparedStatement ps = con.prepareStatement(LIST)) {
            ps.setString(1, username);
            SortedSet<String> out = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return Collections.unmodifiableSortedSet(out);
        } catch (SQLException e) {
            throw new BlockListStoreException("cannot read the block list of " + username, e);
        }
    }

    @Override
    public boolean contains(String username, String e164) throws BlockListStoreException {
        try (Connection con = connections.get(); PreparedStatement ps = con.prepareStatement(EXISTS)) {
            ps.setString(1, username);
            ps.setString(2, e164);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new BlockListStoreException("cannot read the block list of " + username, e);
        }
    }

    @Override
    public int removeAll(String username) throws BlockListStoreException {
        return update(DELETE_ALL, "clear the block list", username);
    }

    private int update(String sql, String what, String... params) throws BlockListStoreException {
        try (Connection con = connections.get(); PreparedStatement ps = con.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new BlockListStoreException("cannot " + what + " of " + params[0], e);
        }
    }
}
