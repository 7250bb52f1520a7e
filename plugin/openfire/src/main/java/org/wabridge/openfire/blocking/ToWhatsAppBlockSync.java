/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.blocking;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.client.BlockListResult;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.WaAccount;
import org.wabridge.core.jid.WaJid;
import org.wabridge.openfire.id.JidMapper;

/**
 * Brings WhatsApp's block list in line with the gateway's when a user's session comes online: numbers blocked
 * at the gateway while the session was away are blocked on WhatsApp, numbers WhatsApp lists that the user has
 * unblocked since are unblocked. The gateway's list wins: it is the only client of an interop account, so it is
 * the user's intent. Asynchronous; one list read when nothing differs.
 */
public final class ToWhatsAppBlockSync {

    private static final Logger LOG = LoggerFactory.getLogger(ToWhatsAppBlockSync.class);

    /** What a reconciliation did; {@code complete} is false if WhatsApp could not be read or refused a change. */
    public record Outcome(int blocked, int unblocked, boolean complete) {
    }

    private final BlockedNumbers stored;
    private final JidMapper jids;

    public ToWhatsAppBlockSync(BlockedNumbers stored, JidMapper jids) {
        this.stored = Objects.requireNonNull(stored, "stored");
        this.jids = Objects.requireNonNull(jids, "jids");
    }

    /** Never completes exceptionally. */
    public CompletionStage<Outcome> reconcile(String username, WaAccount account) {
        return account.blockList().thenCompose(result -> {
            if (result instanceof BlockListResult.Unavailable) {
                LOG.debug("Block list of {} not read: {}", username,
                        ((BlockListResult.Unavailable) result).why().plainWords());
                return CompletableFuture.completedFuture(new Outcome(0, 0, false));
            }
            try {
                Set<String> onWhatsApp = numbers(((BlockListResult.Listed) result).jids());
                Set<String> wanted = stored.blocked(username);
                List<CompletableFuture<Boolean>> changes = new ArrayList<>();
                int blocked = 0;
                int unblocked = 0;
                for (String e164 : wanted) {
                    if (!onWhatsApp.contains(e164)) {
                        changes.add(accepted(account.block(whatsApp(e164))));
                        blocked++;
                    }
                }
                for (String e164 : onWhatsApp) {
                    if (!wanted.contains(e164)) {
                        changes.add(accepted(account.unblock(whatsApp(e164))));
                        unblocked++;
                    }
                }
                int b = blocked;
                int u = unblocked;
                return CompletableFuture.allOf(changes.toArray(new CompletableFuture[0])).thenApply(v ->
                        new Outcome(b, u, changes.stream().allMatch(CompletableFuture::join)));
            } catch (Exception e) {
                LOG.warn("Block list of {} not brought in line with WhatsApp: {}", username, e.getMessage());
                return CompletableFuture.completedFuture(new Outcome(0, 0, false));
            }
        });
    }

    private Set<String> numbers(List<String> whatsAppJids) {
        Set<String> out = new TreeSet<>();
        for (String jid : whatsAppJids) {
            try {
                out.add(jids.toXmpp(WaJid.parse(jid)).getNode());
            } catch (Exception e) {
                LOG.debug("Block-list entry that is not a phone contact kept as is: {}", e.getMessage());
            }
        }
        return out;
    }

    private String whatsApp(String e164) throws Exception {
        return jids.toWhatsApp(jids.fromE164(e164)).toString();
    }

    private static CompletableFuture<Boolean> accepted(CompletionStage<SendResult> change) {
        return change.toCompletableFuture().thenApply(r -> r instanceof SendResult.Accepted);
    }
}
