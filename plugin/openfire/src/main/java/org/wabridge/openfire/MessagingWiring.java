/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jivesoftware.database.DbConnectionManager;
import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.openfire.event.SessionEventDispatcher;
import org.jivesoftware.openfire.session.ClientSession;
import org.jivesoftware.openfire.user.PresenceEventDispatcher;
import org.jivesoftware.util.JiveGlobals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.client.LifecycleMode;
import org.wabridge.openfire.blocking.BlockedNumbers;
import org.wabridge.openfire.component.WhatsAppComponent;
import org.wabridge.openfire.i18n.OpenfireMessages;
import org.wabridge.openfire.id.JidMapper;
import org.wabridge.openfire.ledger.JdbcMessageLedger;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.registration.RegistrationService;
import org.wabridge.openfire.registration.RegistrationStore;
import org.wabridge.openfire.roster.OpenfireRosterWriter;
import org.wabridge.openfire.routing.MessagingService;
import org.wabridge.openfire.routing.OpenfireXmppDelivery;
import org.wabridge.openfire.routing.RoutingContext;
import org.wabridge.openfire.session.OpenfireSessionEvents;
import org.wabridge.openfire.session.WaAccountFactory;

/**
 * Wires messaging onto a registered gateway component and undoes it in reverse: the session worker pool and
 * lifecycle timer, the {@link MessagingService} (ledger in Openfire's database, roster and routing through
 * Openfire), the component hand-over, and the presence/session listeners; then opens sessions for users
 * already online (or for everyone registered, in always-on mode). One instance per component registration.
 */
final class MessagingWiring {

    private static final Logger LOG = LoggerFactory.getLogger(MessagingWiring.class);

    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService timer;
    private final MessagingService service;
    private final OpenfireSessionEvents events;
    private final WhatsAppComponent component;
    private final Supplier<WhatsAppSettings> settings;

    private MessagingWiring(WhatsAppComponent component, Supplier<WhatsAppSettings> settings,
                            Supplier<RegistrationService> registrations, WaAccountFactory factory,
                            BlockedNumbers blocked, Clock clock) {
        this.component = component;
        this.settings = settings;
        String gatewayDomain = component.getJID().getDomain();
        String xmppDomain = gatewayDomain.substring(gatewayDomain.indexOf('.') + 1);
        pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamedThreadFactory("sessions"));
        pool.allowCoreThreadTimeOut(true);
        timer = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("lifecycle"));
        RoutingContext ctx = new RoutingContext(new JidMapper(gatewayDomain),
                new JdbcMessageLedger(DbConnectionManager::getConnection), new OpenfireRosterWriter(),
                new OpenfireXmppDelivery(), OpenfireMessages::new, JiveGlobals::getLocale, settings, clock, blocked);
        service = new MessagingService(ctx, username -> registrations.get().find(username), factory, xmppDomain,
                pool, timer, OpenfireSessionEvents::isAvailable);
        events = new OpenfireSessionEvents(service.director());
    }

    /**
     * @return the wiring, or empty if the component has no address yet (it was not registered with Openfire,
     *         as in unit tests with a stand-in registrar)
     */
    static Optional<MessagingWiring> attach(WhatsAppComponent component, Supplier<WhatsAppSettings> settings,
                                            Supplier<RegistrationService> registrations, RegistrationStore store,
                                            WaAccountFactory factory, BlockedNumbers blocked, Clock clock) {
        if (component.getJID() == null) {
            return Optional.empty();
        }
        MessagingWiring wiring = new MessagingWiring(component, settings, registrations, factory, blocked, clock);
        component.useMessaging(wiring.service);
        PresenceEventDispatcher.addListener(wiring.events);
        SessionEventDispatcher.addListener(wiring.events);
        wiring.pool.execute(() -> wiring.openExisting(store, settings.get().lifecycle()));
        return Optional.of(wiring);
    }

    MessagingService service() {
        return service;
    }

    /**
     * A waiting registration was approved: the user is told, and the session opens now if a client is online
     * (or in always-on mode).
     */
    void approved(String username, RegistrationStore store) {
        execute(username, () -> {
            service.notifyUser(username, "whatsapp.gateway.registration.approved");
            openLinked(username, store);
        });
    }

    /**
     * The user's own registration became LINKED: as on approval, without a notice (the user just submitted
     * the form); the session opens now for the clients online, which logged in before they registered.
     */
    void linked(String username, RegistrationStore store) {
        execute(username, () -> openLinked(username, store));
    }

    private void execute(String username, Runnable task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            // this wiring is being replaced; the next one opens the sessions of linked users online at start
            LOG.debug("Session start of {} left to the next wiring: {}", username, e.toString());
        }
    }

    /** Looks the registration up again on the pool: it may have changed since the caller saw it. */
    private void openLinked(String username, RegistrationStore store) {
        try {
            Optional<Registration> linked = store.find(username).filter(r -> r.state() == Registration.State.LINKED);
            if (linked.isPresent()) {
                openFor(linked.get(), mode());
            }
        } catch (Exception e) {
            LOG.warn("Could not start the WhatsApp session of {}: {}", username, e.toString());
        }
    }

    private LifecycleMode mode() {
        return settings.get().lifecycle();
    }

    /** Opens sessions again after the account factory changed (users online, or everyone in always-on mode). */
    void reopen(RegistrationStore store, LifecycleMode mode) {
        pool.execute(() -> openExisting(store, mode));
    }

    /** Sessions for users online before the plugin started, or for all users in always-on mode. */
    private void openExisting(RegistrationStore store, LifecycleMode mode) {
        try {
            for (Registration r : store.all()) {
                if (r.state() == Registration.State.LINKED) {
                    openFor(r, mode);
                }
            }
        } catch (Exception e) {
            LOG.warn("Could not open the WhatsApp sessions of users already online: {}", e.toString());
        }
    }

    /** The session of one linked user: now in always-on mode, else for each client of theirs that is online. */
    private void openFor(Registration r, LifecycleMode mode) throws Exception {
        if (mode == LifecycleMode.ALWAYS_ON) {
            service.open(r);
            return;
        }
        for (ClientSession s : SessionManager.getInstance().getSessions(r.username())) {
            if (s.getPresence() != null && s.getPresence().isAvailable()) {
                service.director().clientOnline(s.getAddress(), s.getHostAddress());
            }
        }
    }

    /**
     * Undoes {@link #attach} in reverse order. Work already queued is dropped, but work running is let finish
     * (up to 5 s) rather than interrupted: an interrupt inside a database call makes Openfire's connection pool
     * log an error, and a session lookup that finished after the sessions were closed would leave one open.
     */
    void detach() {
        try {
            SessionEventDispatcher.removeListener(events);
            PresenceEventDispatcher.removeListener(events);
            component.useMessaging(null);
        } finally {
            timer.shutdownNow();
            pool.getQueue().clear();
            pool.shutdown();
            try {
                if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            } finally {
                service.stop(); // last, so no session opened by a task that was running survives
            }
        }
    }
}
