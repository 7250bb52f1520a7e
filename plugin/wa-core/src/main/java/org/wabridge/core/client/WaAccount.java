/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.util.concurrent.CompletionStage;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.message.TextContent;

/**
 * The gateway's handle on one bridged user's WhatsApp session (style rule 6). Everything WhatsApp says comes
 * back as {@link WaEvent}s through the {@link WaEventSink} given at construction.
 *
 * <p>Threading: every method may be called from any thread and never blocks on I/O; work runs on the engine's
 * shared executors and the returned stages complete there, so callers must not block inside dependent
 * actions. Stages never complete "successfully" without the server's confirmation: failures are typed results,
 * not silent drops.
 */
public interface WaAccount {

    /**
     * Starts the session if it is not running: rate-limited connect, Noise handshake with a freshly minted
     * token, login. Completes with the state reached by the first attempt (ONLINE, or BACKOFF / TOKEN_EXPIRED /
     * TEMP_BANNED / REPLACED / DEVICE_REMOVED with the reason in {@link EngineState#lastError()}); later
     * reconnects are reported through {@link WaEvent.StateChanged}. Idempotent while running.
     */
    CompletionStage<EngineState> connect(ConnectRequest request);

    /**
     * Closes the session cleanly and stops reconnecting (state STOPPED). Completes when the socket is closed.
     * Messages the server has not yet delivered stay in WhatsApp's offline queue.
     */
    CompletionStage<Void> disconnect();

    /** The current state; a cheap read with no I/O. */
    EngineState state();

    /** True when the state is ONLINE. */
    default boolean isLoggedIn() {
        return state().phase() == EngineState.Phase.ONLINE;
    }

    /**
     * Encrypts {@code content} for every device of {@code toJid} (and our own other devices), sends it with
     * the given stanza id and completes when the server acks it. {@code messageId} must be unique per account
     * (the gateway derives it so that a retried XMPP send reuses it). Completes with
     * {@link SendResult.Rejected} ({@link SendResult.Reason#NOT_CONNECTED} etc.) rather than queueing when
     * offline.
     */
    CompletionStage<SendResult> sendMessage(String toJid, String messageId, MessageContent content);

    /** {@link #sendMessage} with plain text. */
    default CompletionStage<SendResult> sendText(String toJid, String messageId, String body) {
        return sendMessage(toJid, messageId, TextContent.of(body));
    }

    /** Sends a delivery/read/played receipt for messages we received; completes on the server's ack. */
    CompletionStage<SendResult> sendReceipt(Receipt receipt);

    /**
     * Sends a typing/recording state. Chat states are best-effort on WhatsApp (no ack); the stage completes
     * {@link SendResult.Accepted} once the stanza is written to the socket, or Rejected if it could not be.
     */
    CompletionStage<SendResult> sendChatState(ChatState chatState);

    /**
     * Sends our own availability ({@code <presence type="available|unavailable">}, §5.9); completes once
     * written, like {@link #sendChatState}.
     */
    CompletionStage<SendResult> sendPresence(boolean available);

    /** Asks for presence updates of {@code jid}; they arrive as {@link WaEvent.PresenceChanged}. */
    CompletionStage<SendResult> subscribePresence(String jid);

    /**
     * Blocks {@code jid} on WhatsApp: its messages, presence and typing no longer reach this account. Completes
     * {@link SendResult.Accepted} once the server confirmed, Rejected otherwise (never exceptionally).
     */
    CompletionStage<SendResult> block(String jid);

    /** Lifts a block, like {@link #block}. */
    CompletionStage<SendResult> unblock(String jid);

    /** Reads the block list the server keeps for this account. */
    CompletionStage<BlockListResult> blockList();
}
