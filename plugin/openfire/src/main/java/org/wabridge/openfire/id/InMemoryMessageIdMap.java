/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.id;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.wabridge.core.message.MessageRef;
import org.xmpp.packet.JID;

/**
 * A bounded in-memory {@link MessageIdMap}: it keeps the most recently recorded {@code capacity} ids and
 * forgets the oldest, so it cannot grow without limit. Used in tests and until the durable ledger exists.
 */
public final class InMemoryMessageIdMap implements MessageIdMap {

    private record XmppKey(String user, String chatJid, String xmppId) {
    }

    private record WaKey(String user, String chatJid, String waId) {
    }

    private final Map<XmppKey, MessageRef> byXmpp;
    private final Map<WaKey, String> byWa;

    /** @param capacity how many ids to keep (at least 1) */
    public InMemoryMessageIdMap(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.byXmpp = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<XmppKey, MessageRef> eldest) {
                return size() > capacity;
            }
        };
        this.byWa = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<WaKey, String> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized void put(JID user, String xmppId, MessageRef message) {
        Objects.requireNonNull(message, "message");
        if (xmppId == null || xmppId.isEmpty()) {
            throw new IllegalArgumentException("xmpp id must not be empty");
        }
        String owner = user.toBareJID();
        byXmpp.put(new XmppKey(owner, message.chatJid(), xmppId), message);
        WaKey key = new WaKey(owner, message.chatJid(), message.id());
        byWa.remove(key); // re-insert so the newest id is the youngest entry
        byWa.put(key, xmppId);
    }

    @Override
    public synchronized Optional<MessageRef> findWhatsApp(JID user, String chatJid, String xmppId) {
        return Optional.ofNullable(byXmpp.get(new XmppKey(user.toBareJID(), chatJid, xmppId)));
    }

    @Override
    public synchronized Optional<String> findXmpp(JID user, MessageRef message) {
        return Optional.ofNullable(byWa.get(new WaKey(user.toBareJID(), message.chatJid(), message.id())));
    }
}
