/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.session;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.wabridge.core.client.BlockListResult;
import org.wabridge.core.client.ConnectRequest;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.WaAccount;
import org.wabridge.core.client.WaEventSink;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.Receipt;
import org.wabridge.openfire.registration.Registration;

/**
 * The factory used while no WhatsApp engine is installed: its accounts stay STOPPED with a reason, and
 * every send is {@link SendResult.Rejected} with {@link SendResult.Reason#ENGINE_STOPPED}, so users get a
 * clear error instead of silence. Not a stand-in for the engine in tests (tests use a scripted double).
 */
public final class NoEngineAccountFactory implements WaAccountFactory {

    /** The reason shown in the gateway's presence and on the admin page. */
    public static final String REASON = "the WhatsApp engine is not installed in this build";

    private final Clock clock;

    public NoEngineAccountFactory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public WaAccount create(Registration registration, WaEventSink events) {
        EngineState stopped = new EngineState(EngineState.Phase.STOPPED, clock.instant(), Optional.empty(),
                Optional.of(REASON));
        return new WaAccount() {
            @Override
            public CompletionStage<EngineState> connect(ConnectRequest request) {
                return CompletableFuture.completedFuture(stopped);
            }

            @Override
            public CompletionStage<Void> disconnect() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public EngineState state() {
                return stopped;
            }

            @Override
            public CompletionStage<SendResult> sendMessage(String toJid, String messageId, MessageContent content) {
                return rejected();
            }

            @Override
            public CompletionStage<SendResult> sendReceipt(Receipt receipt) {
                return rejected();
            }

            @Override
            public CompletionStage<SendResult> sendChatState(ChatState chatState) {
                return rejected();
            }

            @Override
            public CompletionStage<SendResult> sendPresence(boolean available) {
                return rejected();
            }

            @Override
            public CompletionStage<SendResult> subscribePresence(String jid) {
                return rejected();
            }

            @Override
            public CompletionStage<SendResult> block(String jid) {
                return rejected();
            }

            @Override
            public CompletionStage<SendResult> unblock(String jid) {
                return rejected();
            }

            @Override
            public CompletionStage<BlockListResult> blockList() {
                return CompletableFuture.completedFuture(new BlockListResult.Unavailable(
                        new SendResult.Rejected(SendResult.Reason.ENGINE_STOPPED, REASON)));
            }
        };
    }

    private static CompletionStage<SendResult> rejected() {
        return CompletableFuture.completedFuture(new SendResult.Rejected(SendResult.Reason.ENGINE_STOPPED, REASON));
    }
}
