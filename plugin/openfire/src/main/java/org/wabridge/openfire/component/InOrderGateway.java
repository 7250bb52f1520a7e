/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.client.SerialExecutor;
import org.wabridge.openfire.NamedThreadFactory;
import org.xmpp.component.Component;
import org.xmpp.component.ComponentException;
import org.xmpp.component.ComponentManager;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * What Openfire registers for the gateway: handles each sender's messages and presences one at a time in the
 * order Openfire delivered them (RFC 6120 §10.1), which Tinder's worker pool does not (two stanzas of one user
 * may run on two workers at once, so a correction could overtake its original, or "composing" a message).
 * Senders are spread over a fixed set of serial queues by their bare JID; IQs stay on Tinder's pool. More than
 * {@code maxQueued} waiting stanzas are not dropped silently: a message is bounced with a text.
 */
final class InOrderGateway implements Component {

    private static final Logger LOG = LoggerFactory.getLogger(InOrderGateway.class);
    private static final int LANES = 64;

    private final WhatsAppComponent component;
    private final int threads;
    private final int maxQueued;
    private final AtomicInteger queued = new AtomicInteger();
    private volatile ThreadPoolExecutor pool;
    private volatile SerialExecutor[] lanes;

    InOrderGateway(WhatsAppComponent component, int threads, int maxQueued) {
        this.component = Objects.requireNonNull(component, "component");
        this.threads = threads;
        this.maxQueued = maxQueued;
    }

    WhatsAppComponent component() {
        return component;
    }

    @Override
    public String getName() {
        return component.getName();
    }

    @Override
    public String getDescription() {
        return component.getDescription();
    }

    @Override
    public void initialize(JID jid, ComponentManager manager) throws ComponentException {
        component.initialize(jid, manager);
    }

    @Override
    public void start() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("stanzas"));
        executor.allowCoreThreadTimeOut(true);
        SerialExecutor[] fresh = new SerialExecutor[LANES];
        for (int i = 0; i < LANES; i++) {
            fresh[i] = new SerialExecutor(executor);
        }
        lanes = fresh;
        pool = executor;
        component.start();
    }

    @Override
    public void processPacket(Packet packet) {
        SerialExecutor[] current = lanes;
        JID from = packet.getFrom();
        if (current == null || from == null || !(packet instanceof Message || packet instanceof Presence)) {
            component.processPacket(packet); // IQs: Tinder's pool answers them
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            if (packet instanceof Message) {
                component.bounceBusy((Message) packet);
            }
            return;
        }
        current[Math.floorMod(from.toBareJID().hashCode(), LANES)].execute(() -> {
            try {
                if (packet instanceof Message) {
                    component.handleMessage((Message) packet);
                } else {
                    component.handlePresence((Presence) packet);
                }
            } catch (RuntimeException e) {
                LOG.error("Bug: the WhatsApp gateway failed on a stanza", e);
            } finally {
                queued.decrementAndGet();
            }
        });
    }

    /** Stops taking stanzas, lets the queued ones finish briefly, then shuts the component down. */
    @Override
    public void shutdown() {
        ThreadPoolExecutor executor = pool;
        lanes = null;
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        component.shutdown();
    }
}
