/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.client.WaEventSink;
import org.wabridge.core.jid.InvalidJidException;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.message.TextContent;

/**
 * The event sink of one simulated device: records what arrives in the user's inbox, answers every handoff
 * (so the engine acks and sends the delivery receipt), and runs the user's behaviour on the phone (device 0)
 * for messages from someone else. Behaviours never block the engine's thread: sends are fire-and-forget.
 */
final class DeviceEvents implements WaEventSink {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceEvents.class);

    private final SimulatedUserSpec spec;
    private final int device;
    private final Inbox inbox;
    private final DelayScheduler scheduler;
    private final Clock clock;
    private volatile SimulatedUser user;

    DeviceEvents(SimulatedUserSpec spec, int device, Inbox inbox, DelayScheduler scheduler, Clock clock) {
        this.clock = clock;
        this.spec = spec;
        this.device = device;
        this.inbox = inbox;
        this.scheduler = scheduler;
    }

    void attach(SimulatedUser owner) {
        this.user = owner;
    }

    @Override
    public void onEvent(WaEvent event) {
        if (event instanceof WaEvent.MessageReceived) {
            message((WaEvent.MessageReceived) event);
        } else if (event instanceof WaEvent.MessageUndecryptable) {
            WaEvent.MessageUndecryptable u = (WaEvent.MessageUndecryptable) event;
            add(InboxEntry.Kind.UNDECRYPTABLE, u.messageId(), u.chatJid(), u.senderJid(), u.timestamp(),
                    null, null, null, null);
        } else if (event instanceof WaEvent.ReceiptReceived) {
            Receipt r = ((WaEvent.ReceiptReceived) event).receipt();
            add(InboxEntry.Kind.RECEIPT, "", r.chatJid(), r.participant(), r.timestamp(), null, r, null, null);
        } else if (event instanceof WaEvent.ChatStateChanged) {
            ChatState c = ((WaEvent.ChatStateChanged) event).chatState();
            add(InboxEntry.Kind.CHAT_STATE, "", c.chatJid(), c.participant(), clock.instant(), null, null, c,
                    null);
        } else if (event instanceof WaEvent.PresenceChanged) {
            WaEvent.PresenceChanged p = (WaEvent.PresenceChanged) event;
            add(InboxEntry.Kind.PRESENCE, "", p.jid(), Optional.of(p.jid()), p.lastSeen().orElse(clock.instant()),
                    null, null, null, p.available());
        }
    }

    private void message(WaEvent.MessageReceived m) {
        if (inbox.hasMessage(device, m.messageId())) { // a redelivery after a lost ack: answer, record once
            m.handoff().delivered();
            return;
        }
        boolean fromMe = m.senderJid().map(this::isOwn).orElse(false);
        InboxEntry entry = add(InboxEntry.kindOf(m.content()), m.messageId(), m.chatJid(), m.senderJid(),
                m.timestamp(), m.content(), null, null, null);
        m.handoff().delivered(); // recorded: the engine may ack and confirm delivery
        SimulatedUser owner = user;
        if (owner == null || fromMe || device != 0) {
            return;
        }
        switch (spec.behaviour()) {
            case ECHO:
                if (entry.kind() == InboxEntry.Kind.TEXT) {
                    String body = ((TextContent) m.content()).body();
                    owner.engine(0).sendMessage(m.chatJid(), owner.newMessageId(), TextContent.of(body))
                            .whenComplete((r, e) -> LOG.debug("echo sent: {}", r != null ? r : e));
                }
                break;
            case READER: // what a person reads: texts and attachments, not reactions, edits or deletions
                if (entry.kind() != InboxEntry.Kind.TEXT && entry.kind() != InboxEntry.Kind.REPLY
                        && entry.kind() != InboxEntry.Kind.MEDIA) {
                    break;
                }
                scheduler.schedule(spec.readDelay(), () -> owner.engine(0).sendReceipt(new Receipt(Receipt.Type.READ,
                        m.chatJid(), Optional.empty(), List.of(m.messageId()), clock.instant()))
                        .whenComplete((r, e) -> LOG.debug("read receipt sent: {}", r != null ? r : e)));
                break;
            default:
                break;
        }
    }

    private boolean isOwn(String sender) {
        try {
            WaJid j = WaJid.parse(sender);
            return WaJid.USER_SERVER.equals(j.server()) && spec.phone().equals(j.user());
        } catch (InvalidJidException e) {
            return false;
        }
    }

    private InboxEntry add(InboxEntry.Kind kind, String id, String chat, Optional<String> sender,
                           Instant t, MessageContent content, Receipt receipt,
                           ChatState chatState, Boolean available) {
        boolean fromMe = sender.map(this::isOwn).orElse(false) && content != null;
        InboxEntry entry = new InboxEntry(inbox.nextSeq(), device, kind, id, chat, sender, fromMe, t,
                Optional.ofNullable(content), Optional.ofNullable(receipt), Optional.ofNullable(chatState),
                Optional.ofNullable(available));
        inbox.add(entry);
        return entry;
    }
}
