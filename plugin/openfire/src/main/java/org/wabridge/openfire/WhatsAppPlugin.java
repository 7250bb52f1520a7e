/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import java.io.File;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.jivesoftware.database.DbConnectionManager;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.XMPPServerInfo;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;
import org.jivesoftware.openfire.event.UserEventDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.client.LifecycleMode;
import org.wabridge.openfire.blocking.BlockList;
import org.wabridge.openfire.component.GatewayHandle;
import org.wabridge.openfire.component.GatewayRegistrar;
import org.wabridge.openfire.component.GatewayRegistrationException;
import org.wabridge.openfire.component.GatewayServices;
import org.wabridge.openfire.component.WhatsAppComponent;
import org.wabridge.openfire.commands.SessionAccountControl;
import org.wabridge.openfire.engine.EngineWiring;
import org.wabridge.openfire.i18n.OpenfireMessages;
import org.wabridge.openfire.keys.ProviderKeys;
import org.wabridge.openfire.registration.GroupMembership;
import org.wabridge.openfire.registration.InMemoryRegistrationStore;
import org.wabridge.openfire.registration.JdbcRegistrationStore;
import org.wabridge.openfire.registration.OpenfireGroupMembership;
import org.wabridge.openfire.registration.RegistrationService;
import org.wabridge.openfire.registration.RegistrationStore;
import org.wabridge.openfire.registration.UserDeletionListener;
import org.wabridge.openfire.session.NoEngineAccountFactory;
import org.wabridge.openfire.session.WaAccountFactory;

/**
 * Openfire entry point. {@link #initializePlugin} only wires the parts together and keeps a handle to each;
 * {@link #destroyPlugin} undoes them in reverse order, every step in its own try/finally so that one failing
 * removal does not leave the others behind.
 *
 * <p>Wiring order: libsignal self-check, the {@link GatewayExtras} (provider keys and public JWKS, block list
 * and XEP-0191 interceptor), the {@link SettingsWatch} (settings listener and {@code whatsapp-settings}
 * thread), the user-deletion listener (removes a deleted user's WhatsApp registration, see
 * {@link RegistrationCleanup}), the gateway component, and on it the messaging ({@link MessagingWiring}:
 * sessions, routing, ledger, presence/session listeners). If libsignal cannot load (a JVM may refuse to bind
 * its native library to a second class loader, e.g. after a plugin reload), nothing is wired, one WARN asks the
 * administrator to restart Openfire, and the admin status page says the same. If only the component
 * registration fails, the plugin stays {@link PluginStatus.State#FAILED} with its settings listener active, so
 * fixing the setting recovers it.
 */
public final class WhatsAppPlugin implements Plugin {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppPlugin.class);

    /** The loaded instance, for the admin servlets (they are created by Openfire, not by this class). */
    private static volatile WhatsAppPlugin current;

    private final Clock clock;
    private final Supplier<SignalSelfCheck.Result> signalCheck;
    private final Supplier<WhatsAppSettings> settingsSource;
    private final GatewayRegistrar registrar;
    private final RegistrationStore registrationStore;
    private final GroupMembership groups;
    private final GatewayExtras extras;
    private final Object lifecycle = new Object();

    private volatile PluginStatus status;
    private volatile WhatsAppSettings settings;
    private volatile SettingsWatch settingsWatch;
    private UserDeletionListener userDeletionListener;
    private GatewayHandle gateway;
    private volatile MessagingWiring messaging;
    private volatile WaAccountFactory accountFactory;
    private final EngineWiring engine;
    private final RegistrationCleanup registrationCleanup;
    private LifecycleMode appliedMode;
    private boolean closed;
    private boolean extrasStarted;

    /** Called by Openfire's PluginManager. */
    public WhatsAppPlugin() {
        this(Clock.systemUTC(), SignalSelfCheck::run, WhatsAppSettings::fromOpenfire,
                new JdbcRegistrationStore(DbConnectionManager::getConnection), new OpenfireGroupMembership(),
                GatewayExtras.openfire(), null, true);
    }

    /** For tests: registrations in memory, nobody in any group. */
    WhatsAppPlugin(Clock clock, Supplier<SignalSelfCheck.Result> signalCheck,
                   Supplier<WhatsAppSettings> settingsSource, GatewayRegistrar registrar) {
        this(clock, signalCheck, settingsSource, new InMemoryRegistrationStore(), (user, groups) -> false,
                GatewayExtras.inMemory(), registrar, false);
    }

    private WhatsAppPlugin(Clock clock, Supplier<SignalSelfCheck.Result> signalCheck,
                           Supplier<WhatsAppSettings> settingsSource, RegistrationStore registrationStore,
                           GroupMembership groups, GatewayExtras.Parts extraParts, GatewayRegistrar registrar,
                           boolean openfireDatabase) {
        this.clock = clock;
        this.signalCheck = signalCheck;
        this.settingsSource = settingsSource;
        this.registrationStore = registrationStore;
        this.groups = groups;
        this.extras = new GatewayExtras(extraParts, clock,
                new SessionAccountControl(() -> registrationService(currentSettings()),
                        () -> Optional.ofNullable(messaging).map(MessagingWiring::service)));
        this.registrar = registrar != null ? registrar : GatewayRegistrar.openfire(this::gatewayServices);
        this.status = new PluginStatus(PluginStatus.State.STARTING, clock.instant(), "");
        this.accountFactory = new NoEngineAccountFactory(clock);
        this.engine = new EngineWiring(clock, DbConnectionManager::getConnection,
                () -> extras.providerKeys().map(ProviderKeys::ring));
        this.registrationCleanup = openfireDatabase
                ? RegistrationCleanup.openfire(extras, () -> Optional.ofNullable(messaging))
                : new RegistrationCleanup(extras, () -> Optional.ofNullable(messaging), Optional.empty(),
                        Optional.empty());
    }

    /** @return the plugin instance of the current load, if the plugin is loaded */
    public static Optional<WhatsAppPlugin> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        current = this;
        SignalSelfCheck.Result signal = signalCheck.get();
        if (!signal.usable()) {
            LOG.warn("WhatsApp gateway NOT started: libsignal's native library cannot be loaded in this plugin's "
                    + "class loader (a JVM may refuse it after a plugin reload). Restart Openfire to start the "
                    + "gateway. ({})", signal.detail());
            setStatus(PluginStatus.State.RESTART_REQUIRED, signal.detail());
            return;
        }
        LOG.debug("libsignal self-check: {}", signal.detail());
        settings = settingsSource.get();
        try {
            // first: creating the provider keys may write a plugin.whatsapp.* property, which must not reach
            // the settings listener before the gateway is registered below
            extrasStarted = true;
            extras.start(localDomain(), () -> gatewaySubdomain().map(sub -> sub + "." + localDomain()));
            settingsWatch = SettingsWatch.start(this::settingsChanged);
            userDeletionListener = new UserDeletionListener(() -> registrationService(currentSettings()));
            UserEventDispatcher.addListener(userDeletionListener);
        } catch (RuntimeException e) {
            unwire();
            setStatus(PluginStatus.State.FAILED, e.toString());
            throw e;
        }
        synchronized (lifecycle) {
            applyEngine(settings);
            registerGateway(settings);
        }
    }

    @Override
    public void destroyPlugin() {
        try {
            unwire();
        } finally {
            setStatus(PluginStatus.State.STOPPED, "");
            if (current == this) {
                current = null;
            }
        }
    }

    /** @return the state shown on the admin status page */
    public PluginStatus status() {
        return status;
    }

    /** @return the settings snapshot currently applied; empty if the plugin did not get as far as reading them */
    public Optional<WhatsAppSettings> settings() {
        return Optional.ofNullable(settings);
    }

    /** @return the subdomain the gateway component is registered at, if it is registered */
    public Optional<String> gatewaySubdomain() {
        synchronized (lifecycle) {
            return Optional.ofNullable(gateway).map(GatewayHandle::subdomain);
        }
    }

    /** @return the registered gateway component, if any */
    public Optional<WhatsAppComponent> gatewayComponent() {
        synchronized (lifecycle) {
            return Optional.ofNullable(gateway).map(GatewayHandle::component);
        }
    }

    /**
     * Asks for the gateway component to be registered again with the current settings (admin action). Runs
     * asynchronously on the {@code whatsapp-settings} thread.
     *
     * @return false if the plugin is not wired (restart required, or unloaded), so nothing was scheduled
     */
    public boolean restartGateway() {
        return schedule(() -> reapply(true));
    }

    /** Runs on the settings thread. */
    private void settingsChanged() {
        extras.settingsChanged();
        reapply(false);
    }

    private boolean schedule(Runnable task) {
        SettingsWatch watch = settingsWatch;
        return watch != null && watch.schedule(task);
    }

    /** Runs on the settings executor, so re-registrations never overlap. */
    private void reapply(boolean force) {
        WhatsAppSettings fresh = settingsSource.get();
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            boolean changed = settings == null || fresh.componentDiffers(settings);
            settings = fresh;
            applyEngine(fresh);
            if (gateway != null && !changed && !force) {
                return;
            }
            if (gateway != null) {
                detachMessaging();
                gateway.unregister();
                gateway = null;
            }
            registerGateway(fresh);
        }
    }

    /** Registers the component and sets RUNNING, or FAILED with the reason; caller holds the lifecycle lock. */
    private void registerGateway(WhatsAppSettings s) {
        try {
            gateway = registrar.register(s);
            attachMessaging();
            setStatus(PluginStatus.State.RUNNING, "");
            LOG.info("WhatsApp gateway registered at subdomain '{}'", s.subdomain());
        } catch (GatewayRegistrationException e) {
            LOG.warn("WhatsApp gateway NOT started: {}. Check {}.", e.getMessage(), WhatsAppSettings.SUBDOMAIN, e);
            setStatus(PluginStatus.State.FAILED, e.getMessage());
        }
    }

    /** Undoes the wiring in reverse order; safe to call on a partly wired plugin. */
    private void unwire() {
        try {
            synchronized (lifecycle) {
                closed = true;
                if (gateway != null) {
                    detachMessaging();
                    gateway.unregister();
                    gateway = null;
                }
            }
        } finally {
            try {
                engine.close(); // after the sessions closed with the gateway: their engines run on it
                unwireListeners();
            } finally {
                if (extrasStarted) {
                    extrasStarted = false;
                    extras.stop();
                }
            }
        }
    }

    private void unwireListeners() {
        try {
            if (userDeletionListener != null) {
                UserEventDispatcher.removeListener(userDeletionListener);
                userDeletionListener = null;
            }
        } finally {
            SettingsWatch watch = settingsWatch;
            settingsWatch = null;
            if (watch != null) {
                watch.close();
            }
        }
    }

    /** Registrations as the admin pages manage them (list, approve, remove), under the current settings. */
    public RegistrationService registrations() {
        return registrationService(currentSettings());
    }

    /** The administrator's view of the registrations (approve, reject, remove, session states). */
    public AdminRegistrations adminRegistrations() {
        return new AdminRegistrations(this::registrations, () -> Optional.ofNullable(messaging), registrationStore);
    }

    /** The registration logic under a settings snapshot (its policy and groups). */
    RegistrationService registrationService(WhatsAppSettings s) {
        return new RegistrationService(registrationStore, s::registrationRules, groups, registrationCleanup,
                user -> Optional.ofNullable(messaging).ifPresent(m -> m.linked(user, registrationStore)), clock);
    }

    /**
     * Replaces the factory of users' WhatsApp accounts (the engine plugs in here; tests plug in a scripted
     * double). Open sessions are closed and made again with the new factory on next use.
     */
    public void useAccountFactory(WaAccountFactory factory) {
        accountFactory = Objects.requireNonNull(factory, "factory");
        synchronized (lifecycle) {
            if (messaging != null) {
                messaging.service().useAccountFactory(factory);
            }
        }
    }

    /** Endpoint or lifecycle mode changed: sessions close and reopen under the new ones. Caller holds the lock. */
    private void applyEngine(WhatsAppSettings s) {
        boolean modeChanged = appliedMode != null && appliedMode != s.lifecycle();
        appliedMode = s.lifecycle();
        if (engine.differs(s.engine())) {
            accountFactory = engine.factoryFor(s.engine(), localDomain());
        } else if (!modeChanged) {
            return;
        }
        if (messaging != null) {
            messaging.service().useAccountFactory(accountFactory);
            messaging.reopen(registrationStore, s.lifecycle());
        }
    }

    /** @return what the status page shows about the WhatsApp engine */
    public String engineState() {
        return engine.state();
    }

    /** Wires messaging onto the freshly registered component; caller holds the lifecycle lock. */
    private void attachMessaging() {
        try {
            messaging = MessagingWiring.attach(gateway.component(), this::currentSettings,
                    () -> registrationService(currentSettings()), registrationStore, accountFactory,
                    extras.blockList(), clock)
                    .orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("WhatsApp messaging not wired; messages to contacts are bounced: {}", e.toString());
        }
    }

    /** Caller holds the lifecycle lock. */
    private void detachMessaging() {
        if (messaging != null) {
            try {
                messaging.detach();
            } finally {
                messaging = null;
            }
        }
    }

    private GatewayServices gatewayServices(WhatsAppSettings s) {
        String version = Optional.ofNullable(WhatsAppPlugin.class.getPackage().getImplementationVersion())
                .orElse("development");
        RegistrationService registrations = registrationService(s);
        return new GatewayServices(registrations, OpenfireMessages::new, version,
                Optional.of(extras.commands(registrations)));
    }

    /** @return the provider keys (the session layer's token minter signs with their ring), once started */
    public Optional<ProviderKeys> providerKeys() {
        return extras.providerKeys();
    }

    /** @return the gateway's block list (the session layer drops stanzas from blocked numbers) */
    public BlockList blockList() {
        return extras.blockList();
    }

    /** What the status page shows about the provider keys and the JWKS URL. */
    GatewayExtras.KeysStatus keysStatus() {
        return extras.keysStatus(serverInfo().map(i -> i.getHostname()).orElse(localDomain()));
    }

    private static Optional<XMPPServerInfo> serverInfo() {
        return Optional.ofNullable(XMPPServer.getInstance()).map(XMPPServer::getServerInfo);
    }

    private static String localDomain() {
        return serverInfo().map(i -> i.getXMPPDomain()).orElse("localhost");
    }

    private WhatsAppSettings currentSettings() {
        WhatsAppSettings s = settings;
        return s != null ? s : settingsSource.get();
    }

    private void setStatus(PluginStatus.State state, String detail) {
        status = new PluginStatus(state, clock.instant(), detail);
    }
}
