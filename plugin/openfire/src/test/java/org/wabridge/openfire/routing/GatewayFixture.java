/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.wabridge.openfire.WhatsAppSettings;
import org.wabridge.openfire.i18n.TestBundles;
import org.wabridge.openfire.id.JidMapper;
import org.wabridge.openfire.ledger.InMemoryMessageLedger;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.roster.RosterWriter;
import org.wabridge.openfire.testing.scripted.ScriptedAccountFactory;
import org.wabridge.openfire.testing.scripted.ScriptedWaAccount;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * A {@link MessagingService} for the domain example.org with everything outside it in memory: the ledger,
 * a roster, an Openfire stand-in that records what was routed (online) or stored (offline), the English
 * texts, a settable clock, and the scripted engine double. Work runs on the calling thread.
 */
final class GatewayFixture {

    static final String GATEWAY = "whatsapp.example.org";
    static final String BOB_WA = "491701234567@s.whatsapp.net";
    static final JID BOB = new JID("+491701234567", GATEWAY, null);
    static final JID ALICE = new JID("alice", "example.org", "phone");

    /** A clock the test moves. */
    static final class SettableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-23T12:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Records routed and stored messages; "online" is set by the test. */
    static final class FakeOpenfire implements XmppDelivery {
        final List<Packet> sent = new CopyOnWriteArrayList<>();
        final List<Message> routed = new CopyOnWriteArrayList<>();
        final List<Message> storedOffline = new CopyOnWriteArrayList<>();
        volatile boolean online = true;
        volatile boolean refuseStorage;
        Runnable onDeliver = () -> { };

        @Override
        public Outcome deliver(Message message) throws DeliveryException {
            onDeliver.run();
            if (online) {
                routed.add(message);
                return Outcome.ONLINE;
            }
            if (refuseStorage) {
                throw new DeliveryException("quota");
            }
            storedOffline.add(message);
            return Outcome.STORED_OFFLINE;
        }

        @Override
        public void send(Packet packet) {
            sent.add(packet);
        }

        @Override
        public boolean isOnline(String username) {
            return online;
        }

        List<Message> messagesTo(String username) {
            List<Message> all = new java.util.ArrayList<>(routed);
            all.addAll(storedOffline);
            all.removeIf(m -> !username.equals(m.getTo().getNode()));
            return all;
        }

        List<Message> errors() {
            List<Message> out = new java.util.ArrayList<>();
            sent.stream().filter(p -> p instanceof Message && ((Message) p).getType() == Message.Type.error)
                    .forEach(p -> out.add((Message) p));
            return out;
        }
    }

    static final class MemoryRoster implements RosterWriter {
        final Map<String, Set<JID>> items = new HashMap<>();

        @Override
        public synchronized boolean hasContact(String username, JID contact) {
            return items.getOrDefault(username, Set.of()).contains(contact.asBareJID());
        }

        @Override
        public synchronized void addContact(String username, JID contact, String name) {
            items.computeIfAbsent(username, u -> new HashSet<>()).add(contact.asBareJID());
        }

        @Override
        public synchronized boolean removeContact(String username, JID contact) {
            return items.getOrDefault(username, new HashSet<>()).remove(contact.asBareJID());
        }

        @Override
        public synchronized int removeGatewayContacts(String username, String gatewayDomain) {
            Set<JID> set = items.getOrDefault(username, new HashSet<>());
            int before = set.size();
            set.removeIf(j -> j.getDomain().equals(gatewayDomain));
            return before - set.size();
        }
    }

    /** Runs scheduled tasks only when the test says so. */
    static final class ManualTimer extends ScheduledThreadPoolExecutor {
        final List<Runnable> due = new CopyOnWriteArrayList<>();

        ManualTimer() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            due.add(command);
            return super.schedule(() -> { }, 1, TimeUnit.DAYS);
        }

        void fire() {
            List<Runnable> now = List.copyOf(due);
            due.clear();
            now.forEach(Runnable::run);
        }
    }

    final SettableClock clock = new SettableClock();
    final InMemoryMessageLedger ledger = new InMemoryMessageLedger();
    final MemoryRoster roster = new MemoryRoster();
    final FakeOpenfire openfire = new FakeOpenfire();
    final ScriptedAccountFactory engine = new ScriptedAccountFactory();
    final ManualTimer timer = new ManualTimer();
    final Map<String, String> properties = new HashMap<>();
    final Map<String, Registration> registrations = new HashMap<>();
    /** The gateway's block list (user → numbers), as BlockList would read it from its store. */
    final org.wabridge.openfire.blocking.InMemoryBlockListStore blocks =
            new org.wabridge.openfire.blocking.InMemoryBlockListStore();
    final org.wabridge.openfire.blocking.BlockedNumbers blocked = new org.wabridge.openfire.blocking.BlockedNumbers() {
        @Override
        public boolean isBlocked(String username, String e164)
                throws org.wabridge.openfire.blocking.BlockListStoreException {
            return blocks.contains(username, e164);
        }

        @Override
        public java.util.SortedSet<String> blocked(String username)
                throws org.wabridge.openfire.blocking.BlockListStoreException {
            return blocks.list(username);
        }
    };
    /** Clients the server no longer has (the director's re-check after a queued lookup sees them gone). */
    final java.util.Set<org.xmpp.packet.JID> departed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final MessagingService service;
    final RoutingContext ctx;

    GatewayFixture() {
        Executor direct = Runnable::run;
        ctx = new RoutingContext(new JidMapper(GATEWAY), ledger, roster, openfire, locale -> TestBundles.english(),
                () -> java.util.Locale.ENGLISH, () -> WhatsAppSettings.from(properties::get), clock, blocked);
        service = new MessagingService(ctx, u -> Optional.ofNullable(registrations.get(u)), engine, "example.org",
                direct, timer, client -> !departed.contains(client));
        register("alice", "+4930123456");
    }

    void register(String username, String phone) {
        registrations.put(username, new Registration(username, phone, "2026-11-1", clock.instant(),
                Registration.State.LINKED, clock.instant()));
    }

    ScriptedWaAccount account(String username) {
        return engine.account(username).orElseThrow(() -> new AssertionError("no session for " + username));
    }

    /** A chat message from alice's client to bob. */
    static Message toBob(String id, String body) {
        Message m = new Message();
        m.setType(Message.Type.chat);
        m.setFrom(ALICE);
        m.setTo(BOB);
        m.setID(id);
        m.setBody(body);
        return m;
    }

    void shutdown() {
        timer.shutdownNow();
    }
}
