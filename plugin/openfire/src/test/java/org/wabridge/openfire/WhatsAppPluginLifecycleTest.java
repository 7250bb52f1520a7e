/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.wabridge.openfire.component.GatewayHandle;
import org.wabridge.openfire.component.GatewayRegistrationException;
import org.wabridge.openfire.component.GatewayServices;
import org.wabridge.openfire.component.WhatsAppComponent;
import org.wabridge.openfire.registration.InMemoryRegistrationStore;
import org.wabridge.openfire.registration.RegistrationPolicy;
import org.wabridge.openfire.registration.RegistrationRules;
import org.wabridge.openfire.registration.RegistrationService;
import org.wabridge.openfire.registration.UnregisterHook;
import org.wabridge.openfire.testing.CapturingAppender;
import org.wabridge.openfire.testing.LogRecord;
import org.wabridge.openfire.testing.ServerInternals;

/**
 * Lifecycle paths the integration test cannot force in a real server: libsignal refusing to load in the
 * plugin's class loader (wire nothing, say "restart Openfire" once, unload cleanly), and a component
 * registration that fails and later succeeds.
 */
class WhatsAppPluginLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String LINK_ERROR = "java.lang.UnsatisfiedLinkError: Native Library "
            + "/tmp/libsignal_jni123.so already loaded in another classloader";

    @Test
    void libsignalFailureLeavesOnlyTheRestartRequiredStatus() {
        // Given a plugin whose libsignal self-check fails as after a reload in a strict JVM
        WhatsAppPlugin plugin = new WhatsAppPlugin(Clock.fixed(NOW, ZoneOffset.UTC),
                () -> new SignalSelfCheck.Result(false, LINK_ERROR), WhatsAppPluginLifecycleTest::defaults,
                settings -> {
                    throw new AssertionError("no component may be registered");
                });
        List<String> listenersBefore = ServerInternals.propertyListenerClasses();
        int mark = CapturingAppender.mark();

        // When Openfire initializes it
        plugin.initializePlugin(null, new File("plugins/whatsapp"));

        // Then it reports RESTART_REQUIRED with the cause, and wired nothing
        PluginStatus status = plugin.status();
        assertEquals(PluginStatus.State.RESTART_REQUIRED, status.state());
        assertEquals(NOW, status.since());
        assertEquals(LINK_ERROR, status.detail());
        assertEquals(Optional.of(plugin), WhatsAppPlugin.current(), "the status page must still find it");
        assertEquals(Optional.empty(), plugin.gatewaySubdomain());
        assertEquals(Optional.empty(), plugin.gatewayComponent());
        assertEquals(Optional.empty(), plugin.settings());
        assertFalse(plugin.restartGateway(), "no admin action while restart is required");
        assertEquals(listenersBefore, ServerInternals.propertyListenerClasses());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("whatsapp-")));

        // And it said so exactly once, as a WARN naming the fix, without ERROR
        List<LogRecord> logged = CapturingAppender.since(mark).stream()
                .filter(r -> r.logger().startsWith("org.wabridge")).collect(Collectors.toList());
        assertEquals(1, logged.stream().filter(r -> "WARN".equals(r.level())).count(), logged.toString());
        assertTrue(logged.stream().anyMatch(r -> r.message().contains("Restart Openfire")));
        assertTrue(logged.stream().noneMatch(LogRecord::isError));

        // When Openfire unloads it, then it is stopped and no longer the current instance
        plugin.destroyPlugin();
        assertEquals(PluginStatus.State.STOPPED, plugin.status().state());
        assertEquals(Optional.empty(), WhatsAppPlugin.current());
    }

    @Test
    void failedRegistrationKeepsTheListenerSoTheGatewayRecoversAndUnloadUndoesEverything() {
        // Given a registrar that refuses the first registration and accepts the second
        List<String> listenersBefore = ServerInternals.propertyListenerClasses();
        AtomicInteger attempts = new AtomicInteger();
        List<RecordingHandle> handles = new CopyOnWriteArrayList<>();
        WhatsAppPlugin plugin = new WhatsAppPlugin(Clock.fixed(NOW, ZoneOffset.UTC),
                () -> new SignalSelfCheck.Result(true, "ok"), WhatsAppPluginLifecycleTest::defaults,
                settings -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new GatewayRegistrationException("subdomain refused",
                                new IllegalStateException("taken"));
                    }
                    RecordingHandle handle = new RecordingHandle(settings.subdomain());
                    handles.add(handle);
                    return handle;
                });

        // When initialized, then it is FAILED but its settings listener is registered
        plugin.initializePlugin(null, new File("plugins/whatsapp"));
        assertEquals(PluginStatus.State.FAILED, plugin.status().state());
        assertEquals("subdomain refused", plugin.status().detail());
        assertEquals(Optional.empty(), plugin.gatewaySubdomain());
        assertEquals(listenersBefore.size() + 1, ServerInternals.propertyListenerClasses().size());

        // When the administrator retries, then the gateway registers and the plugin runs
        assertTrue(plugin.restartGateway());
        assertTrue(waitUntil(() -> plugin.status().state() == PluginStatus.State.RUNNING));
        assertEquals(Optional.of("whatsapp"), plugin.gatewaySubdomain());

        // When a restart is requested while running, then the old registration is removed before the new one
        assertTrue(plugin.restartGateway());
        assertTrue(waitUntil(() -> handles.size() == 2));
        assertTrue(handles.get(0).unregistered);

        // When unloaded, then the component, the listener and the plugin thread are gone
        plugin.destroyPlugin();
        assertTrue(handles.get(1).unregistered);
        assertEquals(listenersBefore, ServerInternals.propertyListenerClasses());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("whatsapp-")
                && t.isAlive()));
        assertFalse(plugin.restartGateway());
    }

    private static WhatsAppSettings defaults() {
        return WhatsAppSettings.from(key -> null);
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) {
        return org.wabridge.openfire.testing.OpenfireServer.waitUntil(java.time.Duration.ofSeconds(10), condition);
    }

    /** Stands in for Openfire's component manager, which does not run in unit tests. */
    private static final class RecordingHandle implements GatewayHandle {
        private final String subdomain;
        private final WhatsAppComponent component = new WhatsAppComponent("WhatsApp", 1, 16, new GatewayServices(
                new RegistrationService(new InMemoryRegistrationStore(), () -> new RegistrationRules(RegistrationPolicy.OPEN,
                        java.util.Set.of()), (u, g) -> false, UnregisterHook.NONE, Clock.systemUTC()),
                locale -> (key, args) -> key, "test"));
        private volatile boolean unregistered;

        RecordingHandle(String subdomain) {
            this.subdomain = subdomain;
        }

        @Override
        public String subdomain() {
            return subdomain;
        }

        @Override
        public WhatsAppComponent component() {
            return component;
        }

        @Override
        public void unregister() {
            if (unregistered) {
                throw new AssertionError("unregistered twice");
            }
            unregistered = true;
        }
    }
}
