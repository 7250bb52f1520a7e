/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client.bootstrap;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.iq.PassiveIq;
import org.wabridge.core.iq.PreKeyCountIq;
import org.wabridge.core.iq.PreKeyUploadIq;
import org.wabridge.core.iq.SignedPreKeyRotateIq;
import org.wabridge.core.iq.UserDevices;
import org.wabridge.core.iq.UsyncDevicesIq;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.signal.OneTimePreKey;
import org.wabridge.core.signal.PreKeyPlan;
import org.wabridge.core.signal.PreKeyPolicy;
import org.wabridge.core.signal.PreKeyStatus;
import org.wabridge.core.signal.SignalCrypto;
import org.wabridge.core.signal.SignedPreKey;

/**
 * Runs the post-login sequence of whatsapp-protocol.md §5.1 on a fresh connection: passive {@code active},
 * prekey count, upload (initial batch or refill) with the current signed prekey, or a signed-prekey rotation on
 * its own, then the account's own device list via usync (§5.2). Each step waits for the previous one's answer.
 *
 * <p>Key generation and store I/O run on {@code signalExecutor} (never on the connection's read loop). The
 * returned stage fails with a {@link CompletionException} whose cause is a {@link BootstrapException} naming the
 * step; nothing is retried here, the engine decides that.
 */
public final class LoginBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(LoginBootstrap.class);

    private final SignalCrypto crypto;
    private final PreKeyPolicy policy;
    private final Executor signalExecutor;
    private final RandomGenerator random;

    public LoginBootstrap(SignalCrypto crypto, PreKeyPolicy policy, Executor signalExecutor, RandomGenerator random) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.signalExecutor = Objects.requireNonNull(signalExecutor, "signalExecutor");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Bootstraps the session of {@code self} (the account's user JID, any device part is dropped for usync).
     */
    public CompletionStage<BootstrapSummary> run(IqChannel channel, WaJid self) {
        Objects.requireNonNull(channel, "channel");
        WaJid account = Objects.requireNonNull(self, "self").toNonAd();
        return step(BootstrapStep.SET_ACTIVE, channel.request(PassiveIq.ACTIVE))
                .thenCompose(active -> step(BootstrapStep.PREKEY_COUNT, channel.request(PreKeyCountIq.INSTANCE)))
                .thenComposeAsync(count -> uploadOrFail(channel, count), signalExecutor)
                .thenCompose(keys -> step(BootstrapStep.OWN_DEVICES, channel.request(
                                UsyncDevicesIq.of(Long.toHexString(random.nextLong()), List.of(account))))
                        .thenApply(users -> summary(keys, ownEntry(account, users))));
    }

    /**
     * The prekey part alone, for the server's low-count notification ({@code <notification type="encrypt">
     * <count/>}, §5.3): asks the count and uploads or rotates as the policy says. Completes with the number of
     * one-time prekeys uploaded (0 when the server still had enough).
     */
    public CompletionStage<Integer> refill(IqChannel channel) {
        Objects.requireNonNull(channel, "channel");
        return step(BootstrapStep.PREKEY_COUNT, channel.request(PreKeyCountIq.INSTANCE))
                .thenComposeAsync(count -> uploadOrFail(channel, count), signalExecutor)
                .thenApply(KeysDone::uploaded);
    }

    /** What the prekey part did, carried to the summary. */
    private record KeysDone(int serverCount, int uploaded, int signedPreKeyId, boolean rotated, List<Integer> deleted) {
    }

    /** A local key-store failure (unchecked in the store interfaces) is reported as the upload step's. */
    private CompletionStage<KeysDone> uploadOrFail(IqChannel channel, int serverCount) {
        try {
            return uploadAsPlanned(channel, serverCount);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new BootstrapException(BootstrapStep.PREKEY_UPLOAD,
                    "local prekey generation or storage failed: " + e.getMessage(), e));
        }
    }

    private CompletionStage<KeysDone> uploadAsPlanned(IqChannel channel, int serverCount) {
        // A non-zero count or locally stored one-time keys mean an earlier upload reached the server.
        boolean uploadedBefore = serverCount > 0 || crypto.storedOneTimePreKeyCount() > 0;
        PreKeyPlan plan = policy.plan(new PreKeyStatus(uploadedBefore, OptionalInt.of(serverCount),
                crypto.signedPreKeys()));
        SignedPreKey signed = plan.rotateSignedPreKey() || crypto.currentSignedPreKey().isEmpty()
                ? crypto.generateSignedPreKey()
                : crypto.currentSignedPreKey().get();
        CompletionStage<?> sent;
        if (plan.oneTimePreKeysToUpload() > 0) {
            List<OneTimePreKey> keys = crypto.generateOneTimePreKeys(plan.oneTimePreKeysToUpload());
            sent = step(BootstrapStep.PREKEY_UPLOAD,
                    channel.request(PreKeyUploadIq.of(crypto.localIdentity(), keys, signed)));
        } else if (plan.rotateSignedPreKey()) {
            sent = step(BootstrapStep.SIGNED_PREKEY_ROTATION, channel.request(new SignedPreKeyRotateIq(signed)));
        } else {
            sent = CompletableFuture.completedFuture(null);
        }
        return sent.thenApplyAsync(done -> {
            // only after the server holds the new signed prekey may superseded ones go
            for (int id : plan.signedPreKeysToDelete()) {
                crypto.deleteSignedPreKey(id);
            }
            LOG.debug("prekeys: server had {}, uploaded {}, signed prekey {}{}", serverCount,
                    plan.oneTimePreKeysToUpload(), signed.id(), plan.rotateSignedPreKey() ? " (rotated)" : "");
            return new KeysDone(serverCount, plan.oneTimePreKeysToUpload(), signed.id(), plan.rotateSignedPreKey(),
                    plan.signedPreKeysToDelete());
        }, signalExecutor);
    }

    private static UserDevices ownEntry(WaJid account, List<UserDevices> users) {
        for (UserDevices user : users) {
            if (user.jid().toNonAd().equals(account)) {
                if (user.error().isPresent()) {
                    throw new CompletionException(new BootstrapException(BootstrapStep.OWN_DEVICES,
                            "server reported error " + user.error().get().code() + " for the own account", null));
                }
                return user;
            }
        }
        throw new CompletionException(new BootstrapException(BootstrapStep.OWN_DEVICES,
                "usync answer has no entry for the own account", null));
    }

    private static BootstrapSummary summary(KeysDone keys, UserDevices own) {
        return new BootstrapSummary(keys.serverCount(), keys.uploaded(), keys.signedPreKeyId(), keys.rotated(),
                keys.deleted(), own);
    }

    /** Tags a failure of {@code stage} with {@code step}, keeping the typed cause. */
    private static <R> CompletionStage<R> step(BootstrapStep step, CompletionStage<R> stage) {
        return stage.handle((value, failure) -> {
            if (failure == null) {
                return value;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof BootstrapException) {
                throw new CompletionException(cause);
            }
            throw new CompletionException(new BootstrapException(step, String.valueOf(cause.getMessage()), cause));
        });
    }
}
