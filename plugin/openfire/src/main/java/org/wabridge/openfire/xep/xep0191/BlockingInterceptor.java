/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0191;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.session.ClientSession;
import org.jivesoftware.openfire.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.openfire.blocking.BlockList;
import org.wabridge.openfire.blocking.BlockListStoreException;
import org.wabridge.openfire.commands.AccountControlException;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/**
 * Watches XEP-0191 requests from local users' clients (incoming, not yet processed) and applies those naming
 * gateway contacts to the gateway's {@link BlockList} on an executor, so the server's packet thread never waits
 * for the database or WhatsApp. It never rejects or changes the packet: the server answers the client as usual.
 */
public final class BlockingInterceptor implements PacketInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingInterceptor.class);

    private final String localDomain;
    private final Supplier<Optional<String>> gatewayDomain;
    private final BlockList blockList;
    private final Executor executor;

    /**
     * @param localDomain   the server's XMPP domain: only its users are served
     * @param gatewayDomain the gateway component's domain while it is registered
     */
    public BlockingInterceptor(String localDomain, Supplier<Optional<String>> gatewayDomain, BlockList blockList,
                               Executor executor) {
        this.localDomain = Objects.requireNonNull(localDomain, "localDomain");
        this.gatewayDomain = Objects.requireNonNull(gatewayDomain, "gatewayDomain");
        this.blockList = Objects.requireNonNull(blockList, "blockList");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed) {
        if (!incoming || processed || !(packet instanceof IQ) || !(session instanceof ClientSession)) {
            return;
        }
        Optional<BlockingCommand> command = BlockingCommand.of((IQ) packet);
        Optional<String> gateway = gatewayDomain.get();
        if (command.isEmpty() || gateway.isEmpty()) {
            return;
        }
        JID from = packet.getFrom() != null ? packet.getFrom() : session.getAddress();
        JID to = packet.getTo();
        if (from == null || from.getNode() == null || !localDomain.equals(from.getDomain())
                || (to != null && !to.toBareJID().equals(from.toBareJID()))) {
            return; // only a user's own blocking commands count
        }
        List<String> numbers = command.get().gatewayNumbers(gateway.get());
        if (numbers.isEmpty() && !command.get().unblocksAll()) {
            return;
        }
        String username = from.getNode();
        try {
            executor.execute(() -> apply(username, command.get(), numbers));
        } catch (RejectedExecutionException e) {
            LOG.warn("XEP-0191 request of {} not applied to the WhatsApp block list: gateway shutting down", username);
        }
    }

    /** Runs on the executor. */
    void apply(String username, BlockingCommand command, List<String> numbers) {
        try {
            List<String> targets = command.unblocksAll() ? List.copyOf(blockList.blocked(username)) : numbers;
            for (String number : targets) {
                if (command.block()) {
                    blockList.block(username, number);
                } else {
                    blockList.unblock(username, number);
                }
            }
        } catch (BlockListStoreException | AccountControlException e) {
            LOG.warn("XEP-0191 request of {} could not be applied to the WhatsApp block list: {}", username,
                    e.getMessage());
        }
    }
}
