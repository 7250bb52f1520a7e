/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.client.Handoff;
import org.wabridge.openfire.roster.RosterException;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * First contact from a WhatsApp user the XMPP user has never chatted with (not in the roster, no message in
 * the ledger). Without quarantine the user gets a one-time notice (a third-party chat, encryption ends at this
 * server, how to block) and the contact is added to the roster. With quarantine
 * ({@code plugin.whatsapp.firstcontact.quarantine}) the messages are held, unanswered towards the engine,
 * until the user accepts the contact by writing to it or subscribing to it; the held messages are then
 * delivered in order. If the session closes first they are failed towards the engine, so WhatsApp keeps
 * them and delivers them again on the next connection (nothing is lost). Held messages live in memory only,
 * at most {@link #MAX_HELD_PER_USER} per user (a flood of strangers cannot fill the heap): past that they are
 * failed at once and stay with WhatsApp. A redelivery of a message already held replaces the held copy, so
 * acceptance delivers it once.
 */
public final class FirstContactGate {

    private static final Logger LOG = LoggerFactory.getLogger(FirstContactGate.class);

    /** Messages held for one user at most, over all contacts. */
    public static final int MAX_HELD_PER_USER = 200;

    /** A message waiting for acceptance: how to deliver it, and the engine's handoff to fail if it never is. */
    record Held(String messageId, Runnable deliver, Handoff handoff) {
    }

    private final RoutingContext ctx;
    private final Map<String, Map<JID, List<Held>>> held = new HashMap<>();

    public FirstContactGate(RoutingContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** @return true if messages from {@code contact} must wait for the user's acceptance right now */
    public synchronized boolean isHeld(String username, JID contact) {
        return held.getOrDefault(username, Map.of()).containsKey(contact.asBareJID());
    }

    /** Welcomes a first contact without quarantine: notice, then roster entry. */
    public void welcome(JID user, JID contact) {
        notice(user, contact, "whatsapp.gateway.firstcontact");
        addToRoster(user.getNode(), contact);
    }

    /**
     * Holds a message of a contact in quarantine; the first held message of a contact triggers a notice. A
     * message held already (WhatsApp delivered it again after the engine gave up waiting) takes the place of
     * its earlier copy; past {@link #MAX_HELD_PER_USER} the handoff fails at once.
     */
    public void hold(JID user, JID contact, String messageId, Runnable deliver, Handoff handoff) {
        boolean first;
        synchronized (this) {
            Map<JID, List<Held>> ofUser = held.computeIfAbsent(user.getNode(), u -> new HashMap<>());
            List<Held> list = ofUser.computeIfAbsent(contact.asBareJID(), c -> new ArrayList<>());
            first = list.isEmpty();
            Held fresh = new Held(messageId, deliver, handoff);
            int same = indexOf(list, messageId);
            if (same >= 0) {
                list.set(same, fresh);
            } else if (ofUser.values().stream().mapToInt(List::size).sum() >= MAX_HELD_PER_USER) {
                if (first) {
                    ofUser.remove(contact.asBareJID());
                }
                handoff.failed("too many messages held for the user's acceptance");
                return;
            } else {
                list.add(fresh);
            }
        }
        if (first) {
            notice(user, contact, "whatsapp.gateway.firstcontact.held");
        }
    }

    private static int indexOf(List<Held> list, String messageId) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).messageId().equals(messageId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The user accepted the contact (wrote to it, subscribed to it): adds it to the roster if missing and
     * returns the held deliveries in arrival order, for the caller to run on the session's executor.
     */
    public List<Runnable> accept(String username, JID contact) {
        List<Held> released;
        synchronized (this) {
            Map<JID, List<Held>> ofUser = held.getOrDefault(username, Map.of());
            released = ofUser.isEmpty() ? null : held.get(username).remove(contact.asBareJID());
        }
        addToRoster(username, contact);
        List<Runnable> out = new ArrayList<>();
        if (released != null) {
            released.forEach(h -> out.add(h.deliver()));
        }
        return out;
    }

    /** The user's session closed: fail every held handoff so WhatsApp redelivers later. */
    public void release(String username) {
        Map<JID, List<Held>> ofUser;
        synchronized (this) {
            ofUser = held.remove(username);
        }
        if (ofUser != null) {
            ofUser.values().forEach(list -> list.forEach(h -> h.handoff().failed("held for the user's acceptance")));
        }
    }

    private void addToRoster(String username, JID contact) {
        try {
            if (!ctx.roster().hasContact(username, contact)) {
                ctx.roster().addContact(username, contact, contact.getNode());
            }
        } catch (RosterException e) {
            LOG.warn("Could not add a WhatsApp contact to the roster of {}: {}", username, e.getMessage());
        }
    }

    private void notice(JID user, JID contact, String key) {
        Message m = new Message();
        m.setType(Message.Type.chat);
        m.setFrom(ctx.jids().gatewayJid());
        m.setTo(user);
        m.setID("wa-notice-" + Integer.toHexString(contact.toBareJID().hashCode()) + "-" + ctx.clock().millis());
        m.setBody(ctx.serverTexts().get(key, contact.getNode()));
        try {
            ctx.delivery().deliver(m);
        } catch (DeliveryException e) {
            LOG.warn("First-contact notice for {} not delivered: {}", user.getNode(), e.getMessage());
        }
    }
}
