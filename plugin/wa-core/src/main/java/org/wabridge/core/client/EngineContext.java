/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.binary.Node;
import org.wabridge.core.client.bootstrap.LoginBootstrap;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.MessagePadding;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalCrypto;
import org.wabridge.core.stanza.ClientAck;
import org.wabridge.core.stanza.StanzaException;
import org.wabridge.core.store.PendingInboundStore;
import org.wabridge.core.store.RecentSentStore;
import org.wabridge.core.transport.TransportException;

/**
 * What the engine's send and receive pipelines share: the account's Signal port and stores, its serial queue,
 * caches, the ack waits and the event outlet. Everything stateful here is touched on {@link #serial} only,
 * except the thread-safe caches.
 */
final class EngineContext {
    private static final Logger LOG = LoggerFactory.getLogger(EngineContext.class);

    final EngineRuntime runtime;
    final EngineSettings settings;
    final SignalCrypto crypto;
    final SerialExecutor serial;
    final DeviceListCache devices;
    final AckWaiters acks;
    final RecentSentStore recentSent;
    final PendingInboundStore pendingInbound;
    final WaJid self;
    final LoginBootstrap bootstrap;
    final MessagePadding padding = new MessagePadding(new SecureRandom());
    private final Consumer<WaEvent> events;

    EngineContext(EngineRuntime runtime, EngineSettings settings, SignalCrypto crypto, SerialExecutor serial,
                  RecentSentStore recentSent, PendingInboundStore pendingInbound, WaJid self, LoginBootstrap bootstrap,
                  Consumer<WaEvent> events) {
        this.runtime = runtime;
        this.settings = settings;
        this.crypto = crypto;
        this.serial = serial;
        this.recentSent = recentSent;
        this.pendingInbound = pendingInbound;
        this.self = self;
        this.bootstrap = bootstrap;
        this.events = events;
        this.devices = new DeviceListCache(runtime.clock(), settings.deviceCacheTtl(), settings.deviceCacheSize());
        this.acks = new AckWaiters(runtime.scheduler(), settings.maxPendingSends());
    }

    /** The Signal address of a device JID (§4: user, or user_domain; the JID's device). */
    static SignalAddress address(WaJid device) {
        return new SignalAddress(device.signalAddressName(), device.signalDeviceId());
    }

    /** A display form of a public identity key (hex of the 32 bytes, in groups of four). */
    static String fingerprint(byte[] publicKey) {
        String hex = HexFormat.of().formatHex(publicKey);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 8) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(hex, i, Math.min(hex.length(), i + 8));
        }
        return b.toString();
    }

    /** True for our own account (any of its devices). */
    boolean isOwnAccount(WaJid jid) {
        return jid.toNonAd().equals(self.toNonAd());
    }

    void emit(WaEvent event) {
        events.accept(event);
    }

    /** Sends {@code node}; false (logged) if the connection is gone, since the caller can do nothing more. */
    static boolean sendQuietly(WaConnection connection, Node node) {
        try {
            connection.send(node);
            return true;
        } catch (TransportException e) {
            LOG.debug("could not send <{}>: {}", node.tag(), e.getMessage());
            return false;
        }
    }

    /** Acks an incoming stanza (§5.5), optionally as a nack with {@code errorCode}. */
    static void ack(WaConnection connection, Node incoming, int errorCode) {
        try {
            ClientAck ack = ClientAck.forIncoming(incoming);
            sendQuietly(connection, (errorCode > 0 ? ack.withError(errorCode) : ack).toNode());
        } catch (StanzaException e) {
            LOG.debug("cannot ack <{}> without id/from: {}", incoming.tag(), e.getMessage());
        }
    }

    static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
