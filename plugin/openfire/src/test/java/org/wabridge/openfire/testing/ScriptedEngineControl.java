/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * How an integration test drives the scripted WhatsApp engine double inside the plugin. Only JDK types, so
 * the test (application class loader) and the double (a child of the plugin's class loader, see
 * {@link ScriptedEngineLoader}) share this interface without sharing the plugin's classes.
 */
public interface ScriptedEngineControl {

    /** @return every sendMessage so far, as {@code username|toJid|messageId|text} */
    List<String> sends();

    /** The next sendMessage completes Rejected with this {@code SendResult.Reason} name. */
    void rejectNextSend(String reason);

    /**
     * Emits a received text message on the user's account, as the engine would after decrypting it.
     *
     * @return the handoff outcome: empty when the gateway confirmed delivery, else the failure reason
     */
    CompletionStage<Optional<String>> emitText(String username, String messageId, String fromJid, String body,
                                               Instant sentAt);

    /** @return true while the user's account is connected (between connect and disconnect) */
    boolean connected(String username);
}
