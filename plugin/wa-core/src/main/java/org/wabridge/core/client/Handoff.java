/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The gateway's promise about one received message (issue 6: ack after handoff; whatsapp-protocol.md §8.4).
 * The engine acks the stanza to WhatsApp only after {@link #delivered()}; after {@link #failed} it does not
 * ack, so the server redelivers on the next connection and nothing is lost. The first call wins; later
 * calls are ignored. Any thread may complete it.
 */
public final class Handoff {
    private final CompletableFuture<Optional<String>> outcome = new CompletableFuture<>();

    /** The message is durably with the XMPP side (stored offline, archived, or accepted by a client). */
    public void delivered() {
        outcome.complete(Optional.empty());
    }

    /** The message could not be handed on; {@code plainReason} is logged (no body). */
    public void failed(String plainReason) {
        outcome.complete(Optional.of(plainReason == null ? "unspecified" : plainReason));
    }

    /**
     * For the engine: completes with empty on success or with the failure reason. The engine applies its own
     * timeout and treats a missing answer like a failure.
     */
    public CompletionStage<Optional<String>> outcome() {
        return outcome.copy();
    }

    /** True once the gateway has answered either way. */
    public boolean isDone() {
        return outcome.isDone();
    }
}
