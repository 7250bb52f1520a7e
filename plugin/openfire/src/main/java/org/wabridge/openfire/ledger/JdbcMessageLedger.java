/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

import org.wabridge.openfire.registration.JdbcRegistrationStore.ConnectionSource;

/**
 * {@link MessageLedger} over the plugin's {@code ofWaMessage} table (schema version 2). Plain SQL that runs
 * unchanged on HSQLDB, PostgreSQL, MySQL and MariaDB. Insert-if-absent relies on the primary key: a duplicate
 * key is detected by the SQL state class 23 (integrity constraint violation), which all four report.
 * {@link #advance} is one conditional UPDATE, so concurrent updates cannot move a row backwards.
 */
public final class JdbcMessageLedger implements MessageLedger {

    static final String COLUMNS = "username, direction, peer, waId, xmppId, state, detail, created, updated";
    static final String INSERT = "INSERT INTO ofWaMessage (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_KEY = "SELECT " + COLUMNS
            + " FROM ofWaMessage WHERE username = ? AND direction = ? AND peer = ? AND waId = ?";
    static final String SELECT_XMPP = "SELECT " + COLUMNS
            + " FROM ofWaMessage WHERE username = ? AND peer = ? AND xmppId = ? ORDER BY created DESC";
    static final String SELECT_UNREAD = "SELECT waId FROM ofWaMessage WHERE username = ? AND direction = 'IN'"
            + " AND peer = ? AND state = 'DELIVERED' AND created <= ? ORDER BY created DESC";
    static final String EXISTS_PEER = "SELECT 1 FROM ofWaMessage WHERE username = ? AND peer = ?";
    static final String DELETE_USER = "DELETE FROM ofWaMessage WHERE username = ?";

    private final ConnectionSource connections;

    public JdbcMessageLedger(ConnectionSource connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public boolean insert(LedgerEntry e) throws LedgerException {
        if (find(e.username(), e.direction(), e.peer(), e.waId()).isPresent()) {
            return false;
        }
        try (Connection con = connections.get(); PreparedStatement ps = con.prepareStatement(INSERT)) {
            ps.setString(1, e.username());
            ps.setString(2, e.direction().name());
            ps.setString(3, e.peer());
            ps.setString(4, e.waId());
            ps.setString(5, e.xmppId());
            ps.setString(6, e.state().name());
            ps.setString(7, e.detail().orElse(null));
            ps.setLong(8, e.created().toEpochMilli());
            ps.setLong(9, e.updated().toEpochMilli());
            ps.executeUpdate();
            return true;
        } catch (SQLException ex) {
            if (ex.getSQLState() != null && ex.getSQLState().startsWith("23")) {
                return false; // raced with another insert of the same key
            }
            throw new LedgerException("cannot record message " + e.direction() + " " + e.waId(), ex);
        }
    }

    @Override
    public Optional<LedgerEntry> find(String username, LedgerEntry.Direction direction, String peer, String waId)
            throws LedgerException {
        List<LedgerEntry> found = select(SELECT_KEY, username, direction.name(), peer, waId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public Optional<LedgerEntry> findByXmppId(String username, String peer, String xmppId) throws LedgerException {
        List<LedgerEntry> found = select(SELECT_XMPP, username, peer, xmppId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public boolean advance(String username, LedgerEntry.Direction direction, String peer, String waId,
                           MessageState state, Optional<String> detail, Instant at) throws LedgerException {
        EnumSet<MessageState> from = EnumSet.noneOf(MessageState.class);
        for (MessageState s : MessageState.values()) {
            if (s.canMoveTo(state)) {
                from.add(s);
            }
        }
        if (from.isEmpty()) {
            return false;
        }
        StringJoiner in = new StringJoiner(", ", "(", ")");
        from.forEach(s -> in.add("?"));
        String sql = "UPDATE ofWaMessage SET state = ?, detail = ?, updated = ? WHERE username = ? AND direction = ?"
                + " AND peer = ? AND waId = ? AND state IN " + in;
        try (Connection con = connections.get(); PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setString(1, state.name());
            String text = state == MessageState.FAILED ? detail.orElse(null) : null;
            ps.setString(2, text == null || text.length() <= LedgerEntry.MAX_DETAIL ? text
                    : text.substring(0, LedgerEntry.MAX_DETAIL));
            ps.setLong(3, at.toEpochMilli());
            ps.setString(4, username);
            ps.setString(5, direction.name());
            ps.setString(6, peer);
            ps.setString(7, waId);
            int i = 8;
            for (MessageState s : from) {
                ps.setString(i++, s.name());
            }
            return ps.executeUpdate() > 0;
        } catch (SQLException ex) {
            throw new LedgerException("cannot update message " + direction + " " + waId, ex);
        }
    }

    @Override
    public List<String> unreadUpTo(String username, String peer, Instant upTo, int limit) throws LedgerException {
        try (Connection con = connections.get(); PreparedStatement ps = con.prepareStatement(SELECT_UNREAD)) {
            ps.setString(1, username);
            ps.setString(2, peer);
            ps.setLong(3, upTo.toEpochMilli());
            ps.setMaxRows(limit);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new LedgerException("cannot read the message ledger", ex);
        }
    }

    @Override
    public boolean hasConversation(String username, String peer) throws LedgerException {
        try (Connection con = connections.get(); PreparedStatement ps = con.prepareStatement(EXISTS_PEER)) {
            ps.setString(1, username);
            ps.setString(2, peer);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException ex) {
            throw new LedgerException("cannot read the message ledger", ex);
        }
    }

    @Override
    public int deleteUser(String username) throws LedgerException {
        try (Connection con = connections.get(); PreparedStatement ps = con.prepareStatement(DELETE_USER)) {
            ps.setString(1, username);
            return ps.executeUpdate();
        } catch (SQLException ex) {
            throw new LedgerException("cannot delete the ledger rows of a user", ex);
        }
    }

    private List<LedgerEntry> select(String sql, String... args) throws LedgerException {
        try (Connection con = connections.get(); PreparedStatement ps = con.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            ps.setMaxRows(1);
            List<LedgerEntry> out = new ArrayList<>(1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new LedgerException("cannot read the message ledger", ex);
        }
    }

    private static LedgerEntry read(ResultSet rs) throws SQLException, LedgerException {
        try {
            return new LedgerEntry(rs.getString(1), LedgerEntry.Direction.valueOf(rs.getString(2)), rs.getString(3),
                    rs.getString(4), rs.getString(5), MessageState.valueOf(rs.getString(6)),
                    Optional.ofNullable(rs.getString(7)), Instant.ofEpochMilli(rs.getLong(8)),
                    Instant.ofEpochMilli(rs.getLong(9)));
        } catch (IllegalArgumentException e) {
            throw new LedgerException("corrupt ledger row: " + e.getMessage(), e);
        }
    }
}
