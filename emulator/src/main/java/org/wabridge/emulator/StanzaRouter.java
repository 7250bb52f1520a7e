/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.wabridge.core.binary.Node;
import org.wabridge.core.binary.NodeAttributeException;
import org.wabridge.core.iq.BlocklistIq;
import org.wabridge.core.iq.IqError;
import org.wabridge.core.iq.Iqs;
import org.wabridge.core.iq.MediaConnIq;
import org.wabridge.core.iq.PingIq;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.AckError;
import org.wabridge.core.stanza.ParticipantHash;
import org.wabridge.core.stanza.PresenceStanza;
import org.wabridge.core.stanza.ServerAck;
import org.wabridge.core.stanza.StanzaException;

/**
 * Handles what an authenticated client sends (whatsapp-protocol.md §5, §9.2): keepalive pings, message
 * fan-out with acks, receipts back to the sending device, acks that release queued stanzas, and relay of
 * presence and chat state. Stanzas the emulator does not know get an IQ error or are ignored.
 */
final class StanzaRouter {
    private static final int SENT_MESSAGE_MEMORY = 10_000;

    private final Directory directory;
    private final SessionRegistry sessions;
    private final SenderLimits limits;
    private final Clock clock;
    private final int integrator;
    private final AtomicLong routed = new AtomicLong();
    /** Message id → device that sent it, so receipts (retry above all) reach that device. */
    private final Map<String, DeviceAddress> senders = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DeviceAddress> eldest) {
            return size() > SENT_MESSAGE_MEMORY;
        }
    };

    private final EncryptIqHandler encrypt;
    private final UsyncIqHandler usync;
    private final MediaConnIqHandler mediaConn;

    private final PresenceBook presence;
    private final ContactBook contacts;
    private final BlockBook blocks;

    StanzaRouter(Directory directory, KeyDirectory keys, SessionRegistry sessions, SenderLimits limits, Clock clock,
                 int integrator, MediaConnIqHandler mediaConn, PresenceBook presence, ContactBook contacts,
                 BlockBook blocks) {
        this.blocks = blocks;
        this.presence = presence;
        this.contacts = contacts;
        this.mediaConn = mediaConn;
        this.encrypt = new EncryptIqHandler(keys, directory, clock, integrator);
        this.usync = new UsyncIqHandler(directory);
        this.directory = directory;
        this.sessions = sessions;
        this.limits = limits;
        this.clock = clock;
        this.integrator = integrator;
    }

    long routedMessages() {
        return routed.get();
    }

    void handle(ClientSession from, Node node) throws NodeAttributeException, StanzaException {
        switch (node.tag()) {
            case "iq":
                handleIq(from, node);
                break;
            case "message":
                handleMessage(from, node);
                break;
            case "receipt":
                handleReceipt(from, node);
                break;
            case "ack":
                release(from, node.attrs().requireString("id"));
                releaseReceipt(from, node);
                break;
            case "presence":
                handlePresence(from, node);
                break;
            case "chatstate":
                relay(from, node);
                break;
            default:
                break; // unknown top-level stanzas are ignored, as a tolerant server would
        }
    }

    private void handleIq(ClientSession from, Node iq) throws StanzaException, NodeAttributeException {
        String id = Iqs.id(iq);
        String xmlns = iq.attrs().optString("xmlns", "");
        if (xmlns.equals(PingIq.NAMESPACE)) {
            PingIq.fromRequest(iq);
            from.send(Iqs.result(id).build());
        } else if (xmlns.equals(EncryptIqHandler.NAMESPACE)) {
            encrypt.handle(from, iq);
        } else if (xmlns.equals(UsyncIqHandler.NAMESPACE)) {
            usync.handle(from, iq);
        } else if (xmlns.equals(MediaConnIq.NAMESPACE)) {
            mediaConn.handle(from, iq);
        } else if (xmlns.equals(BlocklistIq.NAMESPACE)) {
            handleBlocklist(from, iq, id);
        } else if (xmlns.equals("passive")) {
            from.send(Iqs.result(id).build());
        } else {
            from.send(Iqs.error(id, NOT_IMPLEMENTED));
        }
    }

    private static final IqError NOT_IMPLEMENTED = new IqError(501, "feature-not-implemented");

    private void handleBlocklist(ClientSession from, Node iq, String id) throws StanzaException {
        String self = from.address().user();
        if ("get".equals(iq.attrs().optString("type", ""))) {
            BlocklistIq.Fetch.fromRequest(iq);
            from.send(BlocklistIq.Fetch.INSTANCE.toResult(id, blocks.list(self)));
        } else {
            BlocklistIq.Update update = BlocklistIq.Update.fromRequest(iq);
            blocks.apply(self, update);
            from.send(update.toResult(id, org.wabridge.core.iq.EmptyResult.INSTANCE));
        }
    }

    private void handleMessage(ClientSession from, Node message) throws NodeAttributeException {
        String id = message.attrs().requireString("id");
        WaJid to = message.attrs().requireJid("to");
        AckError error = admit(from, to.user());
        boolean blocked = error == null && blocks.blocks(to.user(), from.address().user());
        if (error == null && !blocked) { // a blocked sender gets its ack, the message goes nowhere
            error = fanOut(from, message, id, to);
        }
        if (error == null) {
            contacts.exchanged(from.address().user(), to.user());
        }
        long t = clock.instant().getEpochSecond();
        ServerAck ack = error == null ? ServerAck.messageAccepted(id, t) : ServerAck.messageRejected(id, t, error);
        if (error == null) {
            Optional<String> phash = phashIfStale(message, to);
            if (phash.isPresent()) {
                ack = ack.withPhash(phash.get());
            }
        }
        from.send(ack.toNode());
    }

    private AckError admit(ClientSession from, String recipient) {
        Optional<Directory.Account> account = directory.account(recipient);
        if (account.isEmpty()) {
            return AckError.UNKNOWN_USER;
        }
        if (from.address().interop() && !account.get().optedIn) {
            return AckError.RECIPIENT_NOT_OPTED_IN;
        }
        switch (limits.check(from.address().user(), recipient)) {
            case RATE_LIMITED:
                return AckError.RATE_LIMITED;
            case REACH_OUT_LIMITED:
                return AckError.REACH_OUT_LIMIT;
            default:
                return null;
        }
    }

    /**
     * The hash of the recipient's current device list when the sender addressed a different set, so it
     * refetches the list (§9.2). Devices the sender named that no longer exist were skipped in the fan-out.
     */
    private Optional<String> phashIfStale(Node message, WaJid to) throws NodeAttributeException {
        Node participants = message.child("participants");
        if (participants == null) {
            return Optional.empty();
        }
        java.util.Set<WaJid> addressed = new java.util.HashSet<>();
        for (Node target : participants.children("to")) {
            WaJid device = target.attrs().requireJid("jid");
            if (device.user().equals(to.user())) { // the sender's own other devices are not part of the hash
                addressed.add(device);
            }
        }
        Directory.Account account = directory.account(to.user()).orElse(null);
        if (account == null) {
            return Optional.empty();
        }
        java.util.Set<WaJid> expected = new java.util.HashSet<>();
        for (int device : directory.devices(to.user())) {
            expected.add(new DeviceAddress(account.user, device, account.interop).jid(integrator));
        }
        return expected.equals(addressed) ? Optional.empty() : Optional.of(ParticipantHash.of(expected));
    }

    /**
     * One stanza per addressed device (the recipient's devices and the sender's own other devices) with only
     * that device's {@code <enc>}.
     */
    private AckError fanOut(ClientSession from, Node message, String id, WaJid to) throws NodeAttributeException {
        Node participants = message.child("participants");
        List<Node> targets = participants != null ? participants.children("to")
                : List.of(Node.builder("to").attr("jid", to).children(message.children("enc")).build());
        long t = clock.instant().getEpochSecond();
        synchronized (senders) {
            senders.put(id, from.address());
        }
        for (Node target : targets) {
            WaJid device = target.attrs().requireJid("jid");
            // the recipient's devices, plus the sender's own other devices (DeviceSentMessage copies, §6.4)
            boolean ownCopy = device.user().equals(from.address().user()) && !device.user().equals(to.user());
            if (ownCopy && device.device() == from.address().device()) {
                continue;
            }
            DeviceQueue queue = directory.queue(ownCopy ? device.user() : to.user(), device.device());
            if (queue == null) {
                continue; // stale device list; WhatsApp answers with a phash mismatch, see the report
            }
            Node.Builder out = Node.builder("message").attr("from", from.address().jid(integrator)).attr("id", id)
                    .attr("t", t).attr("type", message.attrs().optString("type", "text"));
            if (from.pushName() != null && !from.pushName().isEmpty()) {
                out.attr("notify", from.pushName());
            }
            if (!queue.offer(id, out.children(target.children("enc")).build())) {
                return AckError.RATE_LIMITED; // recipient queue full: the sender should slow down and retry
            }
            routed.incrementAndGet();
        }
        return null;
    }

    /** Delivery/read/retry receipts go back to the device that sent the message, and are acked. */
    private void handleReceipt(ClientSession from, Node receipt) throws NodeAttributeException {
        String id = receipt.attrs().requireString("id");
        WaJid to = receipt.attrs().requireJid("to");
        Optional<String> type = receipt.attrs().optString("type");
        DeviceAddress sender;
        synchronized (senders) {
            sender = senders.get(id);
        }
        release(from, id);
        if (sender != null && sender.user().equals(to.user())) {
            DeviceQueue queue = directory.queue(sender.user(), sender.device());
            if (queue != null) {
                Node.Builder out = Node.builder("receipt").attr("from", from.address().jid(integrator)).attr("id", id)
                        .attr("t", clock.instant().getEpochSecond());
                type.ifPresent(v -> out.attr("type", v));
                out.children(receipt.children());
                queue.offer("receipt:" + id + ":" + from.address().user() + ":" + from.address().device()
                        + ":" + type.orElse(""), out.build());
            }
        }
        Node.Builder ack = Node.builder("ack").attr("class", "receipt").attr("id", id).attr("from", to);
        type.ifPresent(v -> ack.attr("type", v));
        from.send(ack.build());
    }

    /** A device acked a stanza (ack, or a receipt for a message): it may leave the queue. */
    private void release(ClientSession from, String id) {
        DeviceQueue queue = directory.queue(from.address().user(), from.address().device());
        if (queue != null) {
            queue.acknowledge(id);
        }
    }

    /**
     * A receipt is queued under its own key (see {@link #handleReceipt}); the device's
     * {@code <ack class="receipt" id to type>} names the device that sent the receipt, which rebuilds it.
     */
    private void releaseReceipt(ClientSession from, Node ack) throws NodeAttributeException {
        if (!"receipt".equals(ack.attrs().optString("class", "")) || ack.attrs().optJid("to").isEmpty()) {
            return;
        }
        WaJid receiptSender = ack.attrs().optJid("to").get();
        release(from, "receipt:" + ack.attrs().requireString("id") + ":" + receiptSender.user() + ":"
                + receiptSender.device() + ":" + ack.attrs().optString("type", ""));
    }

    /**
     * {@code <presence type="available|unavailable"/>} without {@code to} is the device's own availability;
     * {@code subscribe}/{@code unsubscribe} with {@code to} manage subscriptions (§5.9). Updates go only to
     * live devices.
     */
    private void handlePresence(ClientSession from, Node node) throws StanzaException {
        PresenceStanza stanza = PresenceStanza.fromNode(node);
        if (stanza.to().isPresent() && stanza.type().isPresent()
                && stanza.type().get() == PresenceStanza.Type.SUBSCRIBE) {
            deliver(List.of(presence.subscribe(from.address(), stanza.to().get())));
        } else if (stanza.to().isPresent() && stanza.type().isPresent()
                && stanza.type().get() == PresenceStanza.Type.UNSUBSCRIBE) {
            presence.unsubscribe(from.address(), stanza.to().get());
        } else if (stanza.to().isEmpty()) {
            deliver(presence.announce(from.address(), stanza.isAvailable()));
        }
    }

    /** A device disconnected: it is no longer available, and its subscriptions end. */
    void deviceGone(DeviceAddress device) {
        deliver(presence.disconnected(device));
    }

    private void deliver(List<PresenceBook.Update> updates) {
        for (PresenceBook.Update u : updates) {
            if (u.stanza().from().map(f -> blocks.blocks(u.to().user(), f.user())).orElse(false)) {
                continue; // the blocker does not see a blocked user's presence
            }
            sessions.get(u.to()).ifPresent(s -> s.send(u.stanza().toNode()));
        }
    }

    /** Chat state goes to every live device of the addressed user; nothing is queued. */
    private void relay(ClientSession from, Node node) throws NodeAttributeException {
        Optional<WaJid> to = node.attrs().optJid("to");
        if (to.isEmpty() || blocks.blocks(to.get().user(), from.address().user())) {
            return;
        }
        Node relayed = node.toBuilder().attr("from", from.address().jid(integrator)).build();
        for (int device : directory.devices(to.get().user())) {
            Directory.Account account = directory.account(to.get().user()).orElse(null);
            if (account == null) {
                return;
            }
            sessions.get(new DeviceAddress(account.user, device, account.interop)).ifPresent(s -> s.send(relayed));
        }
    }
}
