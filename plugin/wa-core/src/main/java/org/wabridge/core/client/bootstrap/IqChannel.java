/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client.bootstrap;

import java.util.concurrent.CompletionStage;
import org.wabridge.core.iq.IqSpec;

/**
 * Where the bootstrap sends its IQs; {@code WaConnection::request} is one. The stage completes with the parsed
 * result or fails with the typed cause ({@code IqErrorException}, {@code IqTimeoutException},
 * {@code TransportException}, {@code StanzaException}).
 */
@FunctionalInterface
public interface IqChannel {
    <R> CompletionStage<R> request(IqSpec<R> spec);
}
