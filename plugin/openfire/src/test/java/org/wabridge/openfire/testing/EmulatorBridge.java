/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.util.JiveGlobals;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The plugin pointed at an in-process WhatsApp emulator, as an administrator would do it: the emulator (with
 * simulated WhatsApp users) fetches the plugin's own JWKS over HTTP-bind, and the plugin gets the trust anchor,
 * provider id, token audience and, last, the endpoint. The WhatsApp side runs in a class loader of its own
 * ({@link DetachedPluginLibs}), so it outlives an unload and reload of the plugin. Closing removes the endpoint
 * setting (the plugin's engine stops) and the emulator.
 */
public final class EmulatorBridge implements AutoCloseable {

    public static final String GATEWAY = "whatsapp." + OpenfireServer.DOMAIN;
    public static final Duration WAIT = Duration.ofSeconds(45);

    private final WhatsAppSideControl whatsApp;

    private EmulatorBridge(WhatsAppSideControl whatsApp) {
        this.whatsApp = whatsApp;
    }

    /** Starts the emulator and switches the plugin's engine on; returns once the plugin says it is connecting. */
    public static EmulatorBridge start(OpenfireServer server, String issuer, String audience) throws Exception {
        Plugin plugin = server.plugin().orElseThrow();
        ClassLoader libs = DetachedPluginLibs.open(OpenfireServer.builtPluginJar(),
                plugin.getClass().getClassLoader().getParent());
        WhatsAppSideControl side = (WhatsAppSideControl) new PluginChildLoader(libs)
                .loadClass("org.wabridge.openfire.testing.wa.WhatsAppSide").getConstructor().newInstance();
        try {
            Path anchor = Files.createTempDirectory("wa-e2e").resolve("trust-anchor.txt");
            String endpoint = side.start(URI.create("http://127.0.0.1:" + server.httpBindPort()
                    + "/whatsapp/jwks.json"), issuer, audience, anchor);
            JiveGlobals.setProperty("plugin.whatsapp.trust.anchor", anchor.toString());
            JiveGlobals.setProperty("plugin.whatsapp.provider.id", issuer);
            JiveGlobals.setProperty("plugin.whatsapp.token.audience", audience);
            JiveGlobals.setProperty("plugin.whatsapp.endpoint", endpoint); // last: the engine starts with all of it
            if (!OpenfireServer.waitUntil(WAIT, () -> engineState(server).startsWith("connecting users"))) {
                throw new IllegalStateException("engine not started: " + engineState(server));
            }
            return new EmulatorBridge(side);
        } catch (Exception | Error e) {
            side.close();
            throw e;
        }
    }

    private static String engineState(OpenfireServer server) {
        try {
            Plugin plugin = server.plugin().orElseThrow();
            return (String) plugin.getClass().getMethod("engineState").invoke(plugin);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public WhatsAppSideControl whatsApp() {
        return whatsApp;
    }

    /** Registers {@code username} with the gateway (number, consent) from a client of its own. */
    public static void register(OpenfireServer server, String username, String phone) throws Exception {
        XMPPTCPConnection registering = server.connect(username);
        try {
            registering.createStanzaCollectorAndSend(new RegisterIq(phone)).nextResultOrThrow();
        } finally {
            registering.disconnect();
        }
    }

    /** Waits for the simulated user to have received an event matching {@code match}; returns it. */
    public String awaitEvent(String phone, Predicate<String> match) {
        @SuppressWarnings("unchecked")
        Optional<String>[] found = new Optional[] {Optional.empty()};
        OpenfireServer.waitUntil(WAIT, () -> {
            found[0] = whatsApp.events(phone).stream().filter(match).findFirst();
            return found[0].isPresent();
        });
        return found[0].orElseThrow(() -> new AssertionError("not received by " + phone + ": "
                + whatsApp.events(phone)));
    }

    /** Probes the gateway's presence until it says ONLINE (available, no show). */
    public static boolean gatewaySaysOnline(XMPPTCPConnection client) {
        return OpenfireServer.waitUntil(WAIT, () -> {
            try {
                StanzaCollector answers = client.createStanzaCollector(new AndFilter(
                        FromMatchesFilter.createBare(JidCreate.from(GATEWAY)), StanzaTypeFilter.PRESENCE));
                try {
                    client.sendStanza(client.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.probe)
                            .to(JidCreate.from(GATEWAY)).build());
                    Presence p = answers.nextResult(5000);
                    return p != null && p.isAvailable() && p.getMode() == Presence.Mode.available;
                } finally {
                    answers.cancel();
                }
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Override
    public void close() throws Exception {
        try {
            JiveGlobals.deleteProperty("plugin.whatsapp.endpoint");
        } finally {
            whatsApp.close();
        }
    }

    /** A jabber:iq:register form submission to the gateway. */
    private static final class RegisterIq extends IQ {
        private final String phone;

        RegisterIq(String phone) throws Exception {
            super("query", "jabber:iq:register");
            this.phone = phone;
            setType(Type.set);
            setTo(JidCreate.from(GATEWAY));
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.append("<x xmlns='jabber:x:data' type='submit'>"
                    + "<field var='FORM_TYPE'><value>jabber:iq:register</value></field>"
                    + "<field var='phone'><value>" + phone + "</value></field>"
                    + "<field var='consent'><value>1</value></field>"
                    + "<field var='consent-version'><value>2026-11-1</value></field></x>");
            return xml;
        }
    }
}
