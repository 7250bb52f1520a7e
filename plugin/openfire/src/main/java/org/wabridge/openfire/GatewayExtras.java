/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jivesoftware.database.DbConnectionManager;
import org.jivesoftware.openfire.interceptor.InterceptorManager;
import org.jivesoftware.util.JiveGlobals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.auth.InMemoryProviderKeyStore;
import org.wabridge.core.auth.ProviderKeyStore;
import org.wabridge.core.auth.SealingProviderKeyStore;
import org.wabridge.openfire.blocking.BlockList;
import org.wabridge.openfire.blocking.BlockListStore;
import org.wabridge.openfire.blocking.BlockListStoreException;
import org.wabridge.openfire.blocking.InMemoryBlockListStore;
import org.wabridge.openfire.blocking.JdbcBlockListStore;
import org.wabridge.openfire.commands.AccountControl;
import org.wabridge.openfire.commands.ChatCommands;
import org.wabridge.openfire.commands.CommandRunner;
import org.wabridge.openfire.component.GatewayCommands;
import org.wabridge.openfire.i18n.OpenfireMessages;
import org.wabridge.openfire.keys.HttpBindEndpoint;
import org.wabridge.openfire.keys.JwksServlet;
import org.wabridge.openfire.keys.JwksUrl;
import org.wabridge.openfire.keys.KeyEncryptionKey;
import org.wabridge.openfire.keys.ProviderKeySettings;
import org.wabridge.openfire.keys.ProviderKeys;
import org.wabridge.openfire.keys.PublicEndpointException;
import org.wabridge.openfire.keys.PublicHttpEndpoint;
import org.wabridge.openfire.registration.RegistrationService;
import org.wabridge.openfire.xep.xep0050.AdHocCommands;
import org.wabridge.openfire.xep.xep0191.BlockingInterceptor;
import org.wabridge.store.jdbc.JdbcProviderKeyStore;

/**
 * Wiring of the parts around the gateway component (issues 6 and 7): provider keys and their public JWKS, the
 * block list with its XEP-0191 interceptor, and the user commands. {@link #start} wires them in this order and
 * {@link #stop} undoes them in reverse; a JWKS that cannot be published leaves the rest working and shows on the
 * status page.
 */
final class GatewayExtras {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayExtras.class);

    /** What differs between Openfire and unit tests. */
    record Parts(Supplier<ProviderKeyStore> keyStore, BlockListStore blockStore, PublicHttpEndpoint endpoint,
                 Function<String, String> properties) {
    }

    /** Provider keys in the plugin's table, sealed with the encrypted-property KEK; JWKS on the HTTP-bind port. */
    static Parts openfire() {
        return new Parts(() -> {
            JdbcProviderKeyStore rows = new JdbcProviderKeyStore(DbConnectionManager::getConnection);
            return new SealingProviderKeyStore(rows, KeyEncryptionKey.load(KeyEncryptionKey.openfireProperty(),
                    new SecureRandom(), () -> !rows.loadAll().isEmpty()), new SecureRandom());
        },
                new JdbcBlockListStore(DbConnectionManager::getConnection), new HttpBindEndpoint(),
                JiveGlobals::getProperty);
    }

    /** Memory only, nothing published: for unit tests of the plugin lifecycle. */
    static Parts inMemory() {
        return new Parts(InMemoryProviderKeyStore::new, new InMemoryBlockListStore(),
                (context, path, servlet) -> () -> { }, key -> null);
    }

    /** What the status page shows about the provider keys. */
    record KeysStatus(String jwksUrl, String currentKid, int publishedKeys, Optional<String> problem) {
    }

    private final Parts parts;
    private final Clock clock;
    private final AccountControl control;
    private final BlockList blockList;
    private volatile ProviderKeys keys;
    private PublicHttpEndpoint.Published jwks;
    private volatile Optional<String> keysProblem = Optional.empty();
    private ThreadPoolExecutor executor;
    private BlockingInterceptor interceptor;

    GatewayExtras(Parts parts, Clock clock, AccountControl control) {
        this.parts = Objects.requireNonNull(parts, "parts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.control = Objects.requireNonNull(control, "control");
        this.blockList = new BlockList(parts.blockStore(), control, clock);
    }

    /**
     * @param localDomain   the server's XMPP domain
     * @param gatewayDomain the gateway's domain while its component is registered
     */
    void start(String localDomain, Supplier<Optional<String>> gatewayDomain) {
        startKeys();
        executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1000),
                new NamedThreadFactory("blocking"));
        executor.allowCoreThreadTimeOut(true);
        interceptor = new BlockingInterceptor(localDomain, gatewayDomain, blockList, executor);
        InterceptorManager.getInstance().addInterceptor(interceptor);
    }

    private void startKeys() {
        try {
            ProviderKeys k = new ProviderKeys(parts.keyStore().get(), clock);
            k.start(ProviderKeySettings.from(parts.properties()));
            keys = k;
            jwks = parts.endpoint().publish(JwksUrl.CONTEXT_PATH, JwksUrl.SERVLET_PATH, new JwksServlet(k::jwks));
            keysProblem = Optional.empty();
        } catch (PublicEndpointException e) {
            LOG.warn("provider JWKS NOT published on the HTTP-bind port: {}. Enable HTTP binding, or serve {} "
                    + "through a proxy.", e.getMessage(), JwksUrl.CONTEXT_PATH + JwksUrl.SERVLET_PATH, e);
            keysProblem = Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("provider signing keys NOT available: {}", e.toString(), e);
            keysProblem = Optional.of(e.toString());
        }
    }

    /** A settings change: rotation age, algorithm or overlap may have changed. */
    void settingsChanged() {
        ProviderKeys k = keys;
        if (k != null) {
            try {
                k.apply(ProviderKeySettings.from(parts.properties()));
            } catch (RuntimeException e) {
                LOG.warn("provider key settings NOT applied: {}", e.toString(), e);
            }
        }
    }

    void stop() {
        try {
            if (interceptor != null) {
                InterceptorManager.getInstance().removeInterceptor(interceptor);
                interceptor = null;
            }
        } finally {
            try {
                ExecutorService e = executor;
                executor = null;
                if (e != null) {
                    e.shutdown();
                    if (!e.awaitTermination(5, TimeUnit.SECONDS)) {
                        e.shutdownNow();
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } finally {
                if (jwks != null) {
                    jwks.close();
                    jwks = null;
                }
            }
        }
    }

    /** The user commands for the component, over a registration service for the current settings. */
    GatewayCommands commands(RegistrationService registrations) {
        CommandRunner runner = new CommandRunner(registrations, control, blockList, OpenfireMessages::new);
        return new GatewayCommands(new AdHocCommands(runner, clock), new ChatCommands(runner));
    }

    /** Forgets the block list of a user whose registration was removed. */
    void registrationRemoved(String username) {
        try {
            parts.blockStore().removeAll(username);
        } catch (BlockListStoreException e) {
            LOG.warn("block list of {} not cleared after unregistering: {}", username, e.getMessage());
        }
    }

    BlockList blockList() {
        return blockList;
    }

    Optional<ProviderKeys> providerKeys() {
        return Optional.ofNullable(keys);
    }

    KeysStatus keysStatus(String fqdn) {
        ProviderKeys k = keys;
        ProviderKeySettings s = k != null ? k.settings() : ProviderKeySettings.from(parts.properties());
        String url = JwksUrl.of(s.publicUrl(), fqdn, parts.properties());
        if (k == null) {
            return new KeysStatus(url, "-", 0, keysProblem.or(() -> Optional.of("not started")));
        }
        return new KeysStatus(url, k.ring().current().kid(), k.ring().published().size(), keysProblem);
    }
}
