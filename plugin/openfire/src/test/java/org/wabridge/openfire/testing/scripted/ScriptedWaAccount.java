/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing.scripted;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.wabridge.core.client.ConnectRequest;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.WaAccount;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.client.WaEventSink;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.Receipt;

/**
 * A scripted {@link WaAccount} standing in for the real WhatsApp engine, which does not exist in this module
 * yet (it is being written in wa-core's client package). It records every call, lets the test emit
 * {@link WaEvent}s into the gateway's sink as the engine would, and completes send stages as told: by
 * default a send is Accepted at once; {@link #answerNextSend} scripts a result; {@link #holdSends} keeps the
 * stages open until the test completes them. connect moves to ONLINE and disconnect to STOPPED, each with a
 * StateChanged event. Thread-safe.
 */
public final class ScriptedWaAccount implements WaAccount {

    /** One recorded sendMessage. */
    public record Send(String toJid, String messageId, MessageContent content, CompletableFuture<SendResult> stage) {
    }

    private final WaEventSink sink;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Send> sends = new CopyOnWriteArrayList<>();
    private final List<Object> otherSends = new CopyOnWriteArrayList<>();
    private final Queue<SendResult> scripted = new ArrayDeque<>();
    private volatile boolean hold;
    private volatile EngineState state = EngineState.initial(Instant.EPOCH);

    public ScriptedWaAccount(WaEventSink sink) {
        this.sink = sink;
    }

    /** Emits an event into the gateway, as the engine would. */
    public void emit(WaEvent event) {
        sink.onEvent(event);
    }

    /** The next sendMessage completes with this result. */
    public synchronized void answerNextSend(SendResult result) {
        scripted.add(result);
    }

    /** From now on, sendMessage stages stay open until the test completes {@link Send#stage()}. */
    public void holdSends() {
        hold = true;
    }

    /** @return connect/disconnect calls in order */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public List<Send> sends() {
        return List.copyOf(sends);
    }

    /** @return receipts, chat states and presences sent, in order */
    public List<Object> otherSends() {
        return List.copyOf(otherSends);
    }

    @Override
    public CompletionStage<EngineState> connect(ConnectRequest request) {
        calls.add("connect " + request.clientIp());
        moveTo(EngineState.Phase.ONLINE);
        return CompletableFuture.completedFuture(state);
    }

    @Override
    public CompletionStage<Void> disconnect() {
        calls.add("disconnect");
        moveTo(EngineState.Phase.STOPPED);
        return CompletableFuture.completedFuture(null);
    }

    /** Moves to a state and reports it, as the engine does on every change. */
    public void moveTo(EngineState.Phase phase) {
        state = new EngineState(phase, Instant.EPOCH, Optional.empty(), Optional.empty());
        emit(new WaEvent.StateChanged(state));
    }

    /** Sets a state with an error text and reports it. */
    public void moveTo(EngineState newState) {
        state = newState;
        emit(new WaEvent.StateChanged(state));
    }

    @Override
    public EngineState state() {
        return state;
    }

    @Override
    public CompletionStage<SendResult> sendMessage(String toJid, String messageId, MessageContent content) {
        CompletableFuture<SendResult> stage = new CompletableFuture<>();
        sends.add(new Send(toJid, messageId, content, stage));
        SendResult next;
        synchronized (this) {
            next = scripted.poll();
        }
        if (next != null) {
            stage.complete(next);
        } else if (!hold) {
            stage.complete(new SendResult.Accepted(messageId, Instant.EPOCH));
        }
        return stage;
    }

    @Override
    public CompletionStage<SendResult> sendReceipt(Receipt receipt) {
        otherSends.add(receipt);
        return CompletableFuture.completedFuture(new SendResult.Accepted(receipt.messageIds().get(0), Instant.EPOCH));
    }

    @Override
    public CompletionStage<SendResult> sendChatState(ChatState chatState) {
        otherSends.add(chatState);
        return CompletableFuture.completedFuture(new SendResult.Accepted("chatstate", Instant.EPOCH));
    }

    @Override
    public CompletionStage<SendResult> sendPresence(boolean available) {
        otherSends.add(available);
        return CompletableFuture.completedFuture(new SendResult.Accepted("presence", Instant.EPOCH));
    }

    @Override
    public CompletionStage<SendResult> subscribePresence(String jid) {
        otherSends.add("subscribe " + jid);
        return CompletableFuture.completedFuture(new SendResult.Accepted("subscribe", Instant.EPOCH));
    }

    /** As WhatsApp would keep it: changed by block/unblock while ONLINE. */
    private final java.util.Set<String> blocked = new java.util.concurrent.ConcurrentSkipListSet<>();

    /** Puts {@code jid} on the server-side list directly (a block made elsewhere). */
    public void blockedOnServer(String jid) {
        blocked.add(jid);
    }

    /** @return the server-side block list */
    public java.util.Set<String> serverBlockList() {
        return java.util.Set.copyOf(blocked);
    }

    @Override
    public CompletionStage<SendResult> block(String jid) {
        otherSends.add("block " + jid);
        return changeBlockList(() -> blocked.add(jid));
    }

    @Override
    public CompletionStage<SendResult> unblock(String jid) {
        otherSends.add("unblock " + jid);
        return changeBlockList(() -> blocked.remove(jid));
    }

    private CompletionStage<SendResult> changeBlockList(Runnable change) {
        if (state.phase() != EngineState.Phase.ONLINE) {
            return CompletableFuture.completedFuture(new SendResult.Rejected(SendResult.Reason.NOT_CONNECTED,
                    "not connected"));
        }
        change.run();
        return CompletableFuture.completedFuture(new SendResult.Accepted("", Instant.EPOCH));
    }

    @Override
    public CompletionStage<org.wabridge.core.client.BlockListResult> blockList() {
        if (state.phase() != EngineState.Phase.ONLINE) {
            return CompletableFuture.completedFuture(new org.wabridge.core.client.BlockListResult.Unavailable(
                    new SendResult.Rejected(SendResult.Reason.NOT_CONNECTED, "not connected")));
        }
        return CompletableFuture.completedFuture(new org.wabridge.core.client.BlockListResult.Listed(
                List.copyOf(blocked)));
    }
}
