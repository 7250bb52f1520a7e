/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.ledger;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@link MessageLedger} in memory, for tests and as the reference behaviour of the contract. Nothing
 * survives a restart, so production uses {@link JdbcMessageLedger}.
 */
public final class InMemoryMessageLedger implements MessageLedger {

    private record Key(String username, LedgerEntry.Direction direction, String peer, String waId) {
    }

    private final Map<Key, LedgerEntry> rows = new LinkedHashMap<>();

    private static Key keyOf(LedgerEntry e) {
        return new Key(e.username(), e.direction(), e.peer(), e.waId());
    }

    @Override
    public synchronized boolean insert(LedgerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return rows.putIfAbsent(keyOf(entry), entry) == null;
    }

    @Override
    public synchronized Optional<LedgerEntry> find(String username, LedgerEntry.Direction direction, String peer,
                                                   String waId) {
        return Optional.ofNullable(rows.get(new Key(username, direction, peer, waId)));
    }

    @Override
    public synchronized Optional<LedgerEntry> findByXmppId(String username, String peer, String xmppId) {
        return rows.values().stream()
                .filter(e -> e.username().equals(username) && e.peer().equals(peer) && e.xmppId().equals(xmppId))
                .max(Comparator.comparing(LedgerEntry::created));
    }

    @Override
    public synchronized boolean advance(String username, LedgerEntry.Direction direction, String peer, String waId,
                                        MessageState state, Optional<String> detail, Instant at) {
        Key key = new Key(username, direction, peer, waId);
        LedgerEntry e = rows.get(key);
        if (e == null || !e.state().canMoveTo(state)) {
            return false;
        }
        rows.put(key, new LedgerEntry(e.username(), e.direction(), e.peer(), e.waId(), e.xmppId(), state,
                state == MessageState.FAILED ? detail : Optional.empty(), e.created(), at));
        return true;
    }

    @Override
    public synchronized List<String> unreadUpTo(String username, String peer, Instant upTo, int limit) {
        return rows.values().stream()
                .filter(e -> e.username().equals(username) && e.direction() == LedgerEntry.Direction.IN
                        && e.peer().equals(peer) && e.state() == MessageState.DELIVERED
                        && !e.created().isAfter(upTo))
                .sorted(Comparator.comparing(LedgerEntry::created).reversed())
                .limit(limit).map(LedgerEntry::waId).collect(Collectors.toList());
    }

    @Override
    public synchronized boolean hasConversation(String username, String peer) {
        return rows.keySet().stream().anyMatch(k -> k.username().equals(username) && k.peer().equals(peer));
    }

    @Override
    public synchronized int deleteUser(String username) {
        int before = rows.size();
        rows.keySet().removeIf(k -> k.username().equals(username));
        return before - rows.size();
    }
}
