/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.engine;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.auth.ProviderKeyRing;
import org.wabridge.openfire.session.NoEngineAccountFactory;
import org.wabridge.openfire.session.WaAccountFactory;
import org.wabridge.store.jdbc.ConnectionProvider;

/**
 * Chooses the account factory from the endpoint settings: {@link EngineAccountFactory} when they are complete
 * and usable, otherwise {@link NoEngineAccountFactory} with the reason kept for the status page. The
 * {@link EnginePlatform} is made on first use and closed by {@link #close} (destroyPlugin). Not thread-safe:
 * the plugin calls it from its settings thread and its lifecycle.
 */
public final class EngineWiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineWiring.class);

    private final Clock clock;
    private final ConnectionProvider db;
    private final Supplier<Optional<ProviderKeyRing>> ring;
    private EnginePlatform platform;
    private EngineEndpoint applied;
    private volatile String state = EngineEndpoint.NOT_CONFIGURED;

    public EngineWiring(Clock clock, ConnectionProvider db, Supplier<Optional<ProviderKeyRing>> ring) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.db = Objects.requireNonNull(db, "db");
        this.ring = Objects.requireNonNull(ring, "ring");
    }

    /** @return true if {@code fresh} differs from the settings last turned into a factory */
    public boolean differs(EngineEndpoint fresh) {
        return !fresh.equals(applied);
    }

    /**
     * @return the factory for these settings; never throws: a setup failure gives the no-engine factory and a
     *         WARN naming the problem
     */
    public WaAccountFactory factoryFor(EngineEndpoint endpoint, String xmppDomain) {
        applied = endpoint;
        if (!endpoint.enabled()) {
            state = endpoint.disabledReason().orElseThrow();
            return new NoEngineAccountFactory(clock);
        }
        try {
            ring.get().orElseThrow(() -> new EngineSetupException("the provider signing keys are not available"));
            // the minter asks for the ring at every login: a rotation (settings change) replaces the ring object
            Supplier<ProviderKeyRing> keys = () -> ring.get().orElseThrow(
                    () -> new IllegalStateException("the provider signing keys are no longer available"));
            if (platform == null) {
                platform = new EnginePlatform(clock);
            }
            EngineAccountFactory factory = EngineAccountFactory.create(platform, endpoint, xmppDomain, keys, db,
                    clock);
            state = "connecting users to " + endpoint.webSocket().map(Object::toString)
                    .orElse(endpoint.host().orElse("") + ":" + endpoint.port());
            LOG.info("WhatsApp engine enabled: {}", state);
            return factory;
        } catch (EngineSetupException | RuntimeException e) {
            state = "engine not started: " + e.getMessage();
            LOG.warn("WhatsApp engine NOT started: {}", e.getMessage());
            return new NoEngineAccountFactory(clock);
        }
    }

    /** @return what the status page shows about the engine */
    public String state() {
        return state;
    }

    /** Stops the shared engine machinery; the sessions must be closed before. */
    @Override
    public void close() {
        if (platform != null) {
            platform.close();
            platform = null;
        }
        applied = null;
    }
}
