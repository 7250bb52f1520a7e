/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.Set;
import java.util.stream.Collectors;

import javax.servlet.GenericServlet;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.component.InternalComponentManager;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.util.JiveGlobals;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jxmpp.jid.impl.JidCreate;
import org.wabridge.openfire.testing.CapturingAppender;
import org.wabridge.openfire.testing.LogRecord;
import org.wabridge.openfire.testing.OpenfireExtension;
import org.wabridge.openfire.testing.OpenfireServer;
import org.wabridge.openfire.testing.ServerInternals;
import org.wabridge.openfire.testing.ServletCall;
import org.xmpp.component.AbstractComponent;
import org.xmpp.packet.JID;

/**
 * The built whatsapp.jar in a real Openfire 4.2.0: load, schema, disco, settings, unload, reload. The steps
 * run in order because they share the JVM's single server and change what is installed.
 */
@ExtendWith(OpenfireExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WhatsAppPluginIT {

    private static final JID GATEWAY = new JID(WhatsAppSettings.DEFAULT_SUBDOMAIN + "." + OpenfireServer.DOMAIN);

    @Test
    @Order(1)
    void bootsAndLoadsFromItsJarWithoutAnyErrorInOpenfiresLog(OpenfireServer server) {
        // Given the extension installed the built jar into a running server
        OpenfireExtension.FirstInstall install = OpenfireExtension.firstInstall();

        // Then it loaded, through Openfire's plugin class loader, with no ERROR logged meanwhile
        assertTrue(install.loaded(), "plugin did not load within " + OpenfireServer.PLUGIN_TIMEOUT);
        Plugin plugin = server.plugin().orElseThrow();
        assertEquals("org.wabridge.openfire.WhatsAppPlugin", plugin.getClass().getName());
        assertNotSame(getClass().getClassLoader(), plugin.getClass().getClassLoader(),
                "the plugin must come from whatsapp.jar, not from the test class path");
        // (from the server's boot on: the in-process server itself must also start cleanly)
        List<LogRecord> errors = CapturingAppender.since(0).stream()
                .filter(r -> r.sequence() < install.logMarkAfter())
                .filter(LogRecord::isError)
                .collect(Collectors.toList());
        assertEquals(List.of(), errors);
        assertEquals("RUNNING", stateOf(plugin));
        assertTrue(ServerInternals.pluginServletPaths().stream().anyMatch(p -> p.endsWith("whatsapp/status")),
                "status servlet from web-custom.xml registered: " + ServerInternals.pluginServletPaths());
    }

    @Test
    @Order(2)
    void createsItsDatabaseSchemaOnFirstLoad(OpenfireServer server) {
        // Given no schema row before the first install
        assertEquals(java.util.Optional.empty(), OpenfireExtension.firstInstall().schemaVersionBefore());

        // Then Openfire ran database/whatsapp_hsqldb.sql: version row 1 and the registration table
        assertEquals(java.util.Optional.of(2), server.schemaVersion("whatsapp"));
        assertEquals(List.of("USERNAME", "PHONE", "CONSENTVERSION", "CONSENTTIME", "STATE", "CREATED"),
                server.columns("ofWaRegistration"));
    }

    @Test
    @Order(3)
    void gatewayAnswersDiscoInfoWithItsGatewayIdentity(OpenfireServer server) throws Exception {
        XMPPTCPConnection alice = server.connect("alice");
        try {
            // When a client asks the gateway for its service discovery info
            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(alice)
                    .discoverInfo(JidCreate.from(GATEWAY.toString()));

            // Then it is a gateway of type whatsapp, named by the default setting
            assertTrue(info.hasIdentity("gateway", "whatsapp"), "identities: " + info.getIdentities());
            assertEquals(WhatsAppSettings.DEFAULT_GATEWAY_NAME, info.getIdentities().get(0).getName());
            assertTrue(info.containsFeature("http://jabber.org/protocol/disco#info"));
        } finally {
            alice.disconnect();
        }
    }

    @Test
    @Order(4)
    void statusPageShowsTheRunningGatewayAndRestartsItOnlyWithTheCsrfToken(OpenfireServer server) throws Exception {
        // Given the status servlet Openfire registered from web-custom.xml, and an admin session
        GenericServlet status = ServerInternals.pluginServlet("whatsapp/status");
        ServletCall.Session admin = new ServletCall.Session();

        // When the page is shown
        ServletCall.Response page = ServletCall.get(status, admin, Map.of());

        // Then it is decorated by pageID, shows the state from the plugin's bundle and the gateway address
        assertEquals("text/html", page.contentType());
        assertTrue(page.body().contains("<meta name=\"pageID\" content=\"whatsapp-status\">"));
        assertTrue(page.body().contains(">Running<"), page.body());
        assertTrue(page.body().contains(GATEWAY.toString()));
        String token = (String) admin.attribute("whatsapp.csrf");
        assertTrue(page.body().contains("value=\"" + token + "\""));

        // When a restart is posted without the token, then it is rejected and nothing changes
        assertEquals("status?notice=rejected",
                ServletCall.post(status, admin, Map.of("action", "restart-gateway")).redirect());
        assertEquals("status?notice=rejected", ServletCall.post(status, admin,
                Map.of("action", "restart-gateway", "whatsapp.csrf", "forged")).redirect());

        // When posted with the token, then the component is registered again and answers disco
        Object before = gatewayComponentOf(server.plugin().orElseThrow());
        assertEquals("status?notice=restarted", ServletCall.post(status, admin,
                Map.of("action", "restart-gateway", "whatsapp.csrf", token)).redirect());
        assertTrue(OpenfireServer.waitUntil(java.time.Duration.ofSeconds(30), () -> {
            Plugin plugin = server.plugin().orElseThrow();
            return InternalComponentManager.getInstance().hasComponent(GATEWAY)
                    && gatewayComponentOptional(plugin).filter(c -> c != before).isPresent();
        }));
        gatewayAnswersDiscoInfoWithItsGatewayIdentity(server);
    }

    @Test
    @Order(5)
    void changingTheSubdomainSettingMovesTheGateway(OpenfireServer server) throws Exception {
        JID moved = new JID("wa-moved." + OpenfireServer.DOMAIN);
        InternalComponentManager components = InternalComponentManager.getInstance();
        try {
            // When the administrator changes plugin.whatsapp.subdomain
            JiveGlobals.setProperty(WhatsAppSettings.SUBDOMAIN, "wa-moved");

            // Then the component is re-registered at the new address and the old one is gone
            assertTrue(OpenfireServer.waitUntil(java.time.Duration.ofSeconds(30),
                    () -> components.hasComponent(moved) && !components.hasComponent(GATEWAY)));
            XMPPTCPConnection bob = server.connect("bob");
            try {
                DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(bob)
                        .discoverInfo(JidCreate.from(moved.toString()));
                assertTrue(info.hasIdentity("gateway", "whatsapp"));
            } finally {
                bob.disconnect();
            }
        } finally {
            JiveGlobals.deleteProperty(WhatsAppSettings.SUBDOMAIN);
        }
        assertTrue(OpenfireServer.waitUntil(java.time.Duration.ofSeconds(30),
                () -> components.hasComponent(GATEWAY) && !components.hasComponent(moved)));
    }

    @Test
    @Order(6)
    void removingTheJarUnloadsItAndLeavesNothingBehind(OpenfireServer server) {
        // Given the loaded plugin, whose gateway component has served stanzas (earlier steps)
        Plugin plugin = server.plugin().orElseThrow();
        ClassLoader pluginLoader = plugin.getClass().getClassLoader();
        ThreadPoolExecutor tinderWorkers = ServerInternals.tinderWorkers(gatewayComponentOf(plugin));
        assertTrue(tinderWorkers.getLargestPoolSize() > 0, "the component never ran a worker thread");

        // When the jar is deleted from plugins/
        server.deletePluginJar();

        // Then the plugin, its component route, listener, servlet and threads are gone
        assertTrue(server.awaitPluginUnloaded(), "plugin still loaded after " + OpenfireServer.PLUGIN_TIMEOUT);
        assertNothingLeftBehind(OpenfireExtension.firstInstall().threadsBefore(), pluginLoader);
        assertTrue(tinderWorkers.isTerminated(), "Tinder worker pool of the component not terminated");
    }

    @Test
    @Order(7)
    void reAddingTheJarLoadsItAgainOrAsksForARestart(OpenfireServer server) throws Exception {
        Set<Long> threadsBefore = ServerInternals.threadIds();
        int mark = CapturingAppender.mark();

        // When the jar is put back
        server.copyPluginJar();

        // Then the plugin loads again, without ERROR, and is either fully running or (libsignal refusing a
        // second class loader) running nothing but its status page, having said "restart Openfire" once
        assertTrue(server.awaitPluginLoaded());
        Plugin plugin = server.plugin().orElseThrow();
        List<LogRecord> logged = CapturingAppender.since(mark);
        assertEquals(List.of(), logged.stream().filter(LogRecord::isError).collect(Collectors.toList()));
        String state = stateOf(plugin);
        if ("RUNNING".equals(state)) {
            System.out.println("[reload] libsignal loaded again in the new class loader: plugin RUNNING");
            gatewayAnswersDiscoInfoWithItsGatewayIdentity(server);
        } else {
            System.out.println("[reload] libsignal refused the new class loader: plugin " + state);
            assertEquals("RESTART_REQUIRED", state);
            assertEquals(1, logged.stream().filter(r -> "WARN".equals(r.level())
                    && r.message().contains("Restart Openfire")).count());
            assertFalse(InternalComponentManager.getInstance().hasComponent(GATEWAY));
            assertEquals(List.of(), ServerInternals.newPluginThreads(threadsBefore));
            assertFalse(ServerInternals.propertyListenerLoaders().contains(plugin.getClass().getClassLoader()));
        }
    }

    private static void assertNothingLeftBehind(Set<Long> threadsBefore, ClassLoader pluginLoader) {
        assertFalse(InternalComponentManager.getInstance().hasComponent(GATEWAY), "component still registered");
        assertFalse(XMPPServer.getInstance().getRoutingTable().hasComponentRoute(GATEWAY), "route left behind");
        assertFalse(ServerInternals.propertyListenerLoaders().contains(pluginLoader), "property listener left");
        assertTrue(ServerInternals.pluginServletPaths().stream().noneMatch(p -> p.contains("whatsapp/")),
                "servlets left: " + ServerInternals.pluginServletPaths());
        assertTrue(OpenfireServer.waitUntil(java.time.Duration.ofSeconds(10),
                () -> ServerInternals.newPluginThreads(threadsBefore).isEmpty()),
                "threads left: " + ServerInternals.newPluginThreads(threadsBefore));
    }

    private static AbstractComponent gatewayComponentOf(Plugin plugin) {
        return gatewayComponentOptional(plugin).orElseThrow();
    }

    private static Optional<AbstractComponent> gatewayComponentOptional(Plugin plugin) {
        try {
            Optional<?> component = (Optional<?>) plugin.getClass().getMethod("gatewayComponent").invoke(plugin);
            return component.map(AbstractComponent.class::cast);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("WhatsAppPlugin.gatewayComponent() not callable", e);
        }
    }

    /** The plugin's classes live in its own class loader, so its status is read reflectively. */
    private static String stateOf(Plugin plugin) {
        try {
            Object status = plugin.getClass().getMethod("status").invoke(plugin);
            return String.valueOf(status.getClass().getMethod("state").invoke(status));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("WhatsAppPlugin.status() not callable", e);
        }
    }
}
