/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing.scripted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.wabridge.core.client.Handoff;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.WaAccount;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.client.WaEventSink;
import org.wabridge.core.message.TextContent;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.session.WaAccountFactory;
import org.wabridge.openfire.testing.ScriptedEngineControl;

/**
 * Makes {@link ScriptedWaAccount}s (the stand-in for the engine that does not exist yet) and keeps the newest
 * one per user, so tests can drive them; implements {@link ScriptedEngineControl} for integration tests.
 */
public final class ScriptedAccountFactory implements WaAccountFactory, ScriptedEngineControl {

    private final Map<String, ScriptedWaAccount> accounts = new ConcurrentHashMap<>();
    private final List<String> rejections = new ArrayList<>();

    @Override
    public WaAccount create(Registration registration, WaEventSink events) {
        ScriptedWaAccount account = new ScriptedWaAccount(events);
        synchronized (rejections) {
            for (String reason : rejections) {
                account.answerNextSend(new SendResult.Rejected(SendResult.Reason.valueOf(reason), "scripted"));
            }
            rejections.clear();
        }
        accounts.put(registration.username(), account);
        return account;
    }

    /** @return the newest account made for the user */
    public Optional<ScriptedWaAccount> account(String username) {
        return Optional.ofNullable(accounts.get(username));
    }

    @Override
    public List<String> sends() {
        List<String> out = new ArrayList<>();
        accounts.forEach((user, account) -> account.sends().forEach(s -> out.add(user + "|" + s.toJid() + "|"
                + s.messageId() + "|" + (s.content() instanceof TextContent ? ((TextContent) s.content()).body()
                : s.content().getClass().getSimpleName()))));
        return out;
    }

    @Override
    public void rejectNextSend(String reason) {
        SendResult.Rejected rejected = new SendResult.Rejected(SendResult.Reason.valueOf(reason), "scripted");
        if (accounts.isEmpty()) {
            synchronized (rejections) {
                rejections.add(reason);
            }
        }
        accounts.values().forEach(a -> a.answerNextSend(rejected));
    }

    @Override
    public CompletionStage<Optional<String>> emitText(String username, String messageId, String fromJid, String body,
                                                      Instant sentAt) {
        ScriptedWaAccount account = accounts.get(username);
        if (account == null) {
            throw new IllegalStateException("no account for " + username);
        }
        Handoff handoff = new Handoff();
        account.emit(new WaEvent.MessageReceived(messageId, fromJid, Optional.empty(), sentAt,
                TextContent.of(body), handoff));
        return handoff.outcome();
    }

    @Override
    public boolean connected(String username) {
        return account(username).map(ScriptedWaAccount::isLoggedIn).orElse(false);
    }
}
