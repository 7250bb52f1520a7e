/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.wabridge.core.client.bootstrap.BootstrapException;
import org.wabridge.core.client.bootstrap.BootstrapStep;
import org.wabridge.core.client.bootstrap.BootstrapSummary;
import org.wabridge.core.client.bootstrap.IqChannel;
import org.wabridge.core.client.bootstrap.LoginBootstrap;
import org.wabridge.core.iq.EmptyResult;
import org.wabridge.core.iq.IqError;
import org.wabridge.core.iq.IqErrorException;
import org.wabridge.core.iq.IqSpec;
import org.wabridge.core.iq.PassiveIq;
import org.wabridge.core.iq.PreKeyCountIq;
import org.wabridge.core.iq.PreKeyUploadIq;
import org.wabridge.core.iq.SignedPreKeyRotateIq;
import org.wabridge.core.iq.UserDevices;
import org.wabridge.core.iq.UsyncDevicesIq;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.core.signal.PreKeyPolicy;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalConfig;
import org.wabridge.core.signal.SignalCrypto;
import org.wabridge.core.store.inmemory.InMemorySignalStores;
import org.wabridge.signal.LibsignalCryptoFactory;
import org.wabridge.core.testing.MutableClock;

/**
 * LoginBootstrap over a scripted IQ channel (no sockets) with real libsignal keys: the order of IQs, the
 * rotation-only and nothing-to-do paths, and that every failure surfaces typed with its step.
 */
class LoginBootstrapTest {
    private static final WaJid SELF = WaJid.of("31337", WaJid.LID_SERVER);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SignalCrypto crypto = new LibsignalCryptoFactory().open(new SignalAddress("31337", 0),
            InMemorySignalStores.create(), new SignalConfig(IdentityTrustPolicy.ACCEPT_AND_REPORT, clock));
    private final LoginBootstrap bootstrap = new LoginBootstrap(crypto, PreKeyPolicy.defaults(clock), Runnable::run,
            new Random(1));

    /** Answers each IQ with what {@code server} returns for it and records the requests in order. */
    private static final class ScriptedChannel implements IqChannel {
        final List<IqSpec<?>> sent = new ArrayList<>();
        private final Function<IqSpec<?>, Object> server;

        ScriptedChannel(Function<IqSpec<?>, Object> server) {
            this.server = server;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> CompletionStage<R> request(IqSpec<R> spec) {
            sent.add(spec);
            Object answer = server.apply(spec);
            if (answer instanceof Exception) {
                return CompletableFuture.failedFuture((Exception) answer);
            }
            return CompletableFuture.completedFuture((R) answer);
        }
    }

    private static Function<IqSpec<?>, Object> server(int count, UserDevices own) {
        return spec -> {
            if (spec instanceof PreKeyCountIq) {
                return count;
            }
            if (spec instanceof UsyncDevicesIq) {
                return List.of(own);
            }
            return EmptyResult.INSTANCE;
        };
    }

    private static UserDevices ownDevices() {
        return UserDevices.of(SELF, List.of(UserDevices.Device.primary()), Optional.empty());
    }

    private BootstrapSummary run(ScriptedChannel channel) throws Exception {
        return bootstrap.run(channel, SELF).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void freshAccountSendsActiveCountUploadAndUsyncInThatOrder() throws Exception {
        ScriptedChannel channel = new ScriptedChannel(server(0, ownDevices()));
        BootstrapSummary summary = run(channel);
        assertEquals(PassiveIq.ACTIVE, channel.sent.get(0));
        assertEquals(PreKeyCountIq.INSTANCE, channel.sent.get(1));
        PreKeyUploadIq upload = assertInstanceOf(PreKeyUploadIq.class, channel.sent.get(2));
        assertEquals(812, upload.preKeys().size());
        assertEquals(crypto.localIdentity(), upload.localIdentity());
        assertEquals(crypto.currentSignedPreKey().orElseThrow(), upload.signedPreKey());
        UsyncDevicesIq usync = assertInstanceOf(UsyncDevicesIq.class, channel.sent.get(3));
        assertEquals(List.of(SELF), usync.users());
        assertEquals(4, channel.sent.size());
        assertEquals(ownDevices(), summary.ownDevices());
    }

    @Test
    void oldSignedPreKeyWithEnoughOneTimeKeysIsRotatedWithoutAnUpload() throws Exception {
        BootstrapSummary first = run(new ScriptedChannel(server(0, ownDevices())));
        clock.advance(PreKeyPolicy.DEFAULT_SIGNED_PREKEY_ROTATION.plusHours(1));
        ScriptedChannel channel = new ScriptedChannel(server(700, ownDevices()));
        BootstrapSummary second = run(channel);
        SignedPreKeyRotateIq rotate = assertInstanceOf(SignedPreKeyRotateIq.class, channel.sent.get(2));
        assertTrue(second.signedPreKeyRotated());
        assertEquals(0, second.oneTimePreKeysUploaded());
        assertNotEquals(first.signedPreKeyId(), second.signedPreKeyId());
        assertEquals(second.signedPreKeyId(), rotate.signedPreKey().id());
    }

    @Test
    void nothingToUploadWhenKeysAreFreshAndPlenty() throws Exception {
        run(new ScriptedChannel(server(0, ownDevices())));
        ScriptedChannel channel = new ScriptedChannel(server(500, ownDevices()));
        BootstrapSummary summary = run(channel);
        assertEquals(3, channel.sent.size(), "active, count, usync only: " + channel.sent);
        assertEquals(0, summary.oneTimePreKeysUploaded());
    }

    @Test
    void refusedCountFailsTypedWithTheServersCode() {
        ScriptedChannel channel = new ScriptedChannel(spec -> spec instanceof PreKeyCountIq
                ? new IqErrorException("encrypt", 503, "service-unavailable") : EmptyResult.INSTANCE);
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(channel));
        BootstrapException failure = assertInstanceOf(BootstrapException.class, e.getCause());
        assertEquals(BootstrapStep.PREKEY_COUNT, failure.step());
        assertEquals(503, assertInstanceOf(IqErrorException.class, failure.getCause()).code());
        assertEquals(2, channel.sent.size(), "nothing is sent after a failed step");
    }

    @Test
    void refusedUploadFailsAtTheUploadStep() {
        ScriptedChannel channel = new ScriptedChannel(spec -> {
            if (spec instanceof PreKeyUploadIq) {
                return new IqErrorException("encrypt", 400, "bad-request");
            }
            return server(0, ownDevices()).apply(spec);
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(channel));
        BootstrapException failure = assertInstanceOf(BootstrapException.class, e.getCause());
        assertEquals(BootstrapStep.PREKEY_UPLOAD, failure.step());
        assertEquals(400, assertInstanceOf(IqErrorException.class, failure.getCause()).code());
    }

    @Test
    void ownAccountUnknownToUsyncIsATypedFailure() {
        ScriptedChannel channel = new ScriptedChannel(server(0, UserDevices.error(SELF, IqError.NOT_FOUND)));
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(channel));
        BootstrapException failure = assertInstanceOf(BootstrapException.class, e.getCause());
        assertEquals(BootstrapStep.OWN_DEVICES, failure.step());
        assertTrue(failure.getMessage().contains("404"), failure.getMessage());
    }
}
