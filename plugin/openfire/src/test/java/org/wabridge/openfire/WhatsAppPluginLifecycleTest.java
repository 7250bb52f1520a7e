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
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.wabridge.openfire.testing.CapturingAppender;
import org.wabridge.openfire.testing.LogRecord;
import org.wabridge.openfire.testing.ServerInternals;

/**
 * The path the integration test cannot force: libsignal refusing to load in the plugin's class loader. The
 * plugin must then wire nothing, say "restart Openfire" once, and unload cleanly.
 */
class WhatsAppPluginLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String LINK_ERROR = "java.lang.UnsatisfiedLinkError: Native Library "
            + "/tmp/libsignal_jni123.so already loaded in another classloader";

    @Test
    void libsignalFailureLeavesOnlyTheRestartRequiredStatus() {
        // Given a plugin whose libsignal self-check fails as after a reload in a strict JVM
        WhatsAppPlugin plugin = new WhatsAppPlugin(Clock.fixed(NOW, ZoneOffset.UTC),
                () -> new SignalSelfCheck.Result(false, LINK_ERROR));
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
}
