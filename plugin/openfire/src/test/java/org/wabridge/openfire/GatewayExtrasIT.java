/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jivesoftware.database.DbConnectionManager;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverInfoView;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.util.JiveGlobals;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Issues 6 and 7 in a real Openfire 4.2.0: the public JWKS over HTTP (verifying a token signed with the ring
 * the plugin stored), ad-hoc commands through Smack's client, a chat command, a XEP-0191 block of a WhatsApp
 * contact, and the gateway's caps against Smack's own XEP-0115 implementation.
 */
@ExtendWith(org.wabridge.openfire.testing.OpenfireExtension.class)
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayExtrasIT {

    private static final String GATEWAY = "whatsapp." + org.wabridge.openfire.testing.OpenfireServer.DOMAIN;

    /** An IQ with literal child XML, written exactly as a client would. */
    private static final class RawIq extends IQ {
        private final String children;

        RawIq(String element, String namespace, Type type, Jid to, String children) {
            super(element, namespace);
            this.children = children;
            setType(type);
            setTo(to);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.append(children);
            return xml;
        }
    }

    private static void register(XMPPTCPConnection c, String phone) throws Exception {
        String form = "<x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>jabber:iq:register</value></field>"
                + "<field var='phone'><value>" + phone + "</value></field>"
                + "<field var='consent'><value>1</value></field>"
                + "<field var='consent-version'><value>2026-11-1</value></field></x>";
        c.createStanzaCollectorAndSend(new RawIq("query", "jabber:iq:register", IQ.Type.set,
                JidCreate.from(GATEWAY), form)).nextResultOrThrow();
    }

    private static List<String> blocked(String username) throws Exception {
        try (Connection con = DbConnectionManager.getConnection();
             PreparedStatement ps = con.prepareStatement("SELECT phone FROM ofWaBlock WHERE username=? ORDER BY phone")) {
            ps.setString(1, username);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    @Test
    @Order(1)
    void theJwksIsPublicOverHttpAndVerifiesATokenSignedWithTheStoredRing(
            org.wabridge.openfire.testing.OpenfireServer server) throws Exception {
        URI url = URI.create("http://127.0.0.1:" + server.httpBindPort() + "/whatsapp/jwks.json");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        // Then anyone can fetch it: no login, cacheable, JWK Set media type, public members only
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/jwk-set+json", response.headers().firstValue("Content-Type").orElse("")
                .split(";")[0]);
        assertEquals("public, max-age=300", response.headers().firstValue("Cache-Control").orElse(""));
        assertFalse(response.body().contains("\"d\""), response.body());
        String jwk = only(response.body(), "\\{[^{}]*\"kty\"[^{}]*\\}");
        assertEquals("EC", member(jwk, "kty"));
        assertEquals("P-256", member(jwk, "crv"));
        assertEquals("ES256", member(jwk, "alg"));
        assertEquals("sig", member(jwk, "use"));

        // And the private key sits sealed in ofWaProviderKey, its KEK in an encrypted Openfire property
        assertTrue(JiveGlobals.isPropertyEncrypted("plugin.whatsapp.provider.kek"));
        try (Connection con = DbConnectionManager.getConnection();
             PreparedStatement ps = con.prepareStatement("SELECT kid, privateKey FROM ofWaProviderKey");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(member(jwk, "kid"), rs.getString(1));
            assertEquals(1, rs.getBytes(2)[0], "sealed format version");
            assertFalse(rs.next(), "one key after the first start");
        }

        // When the plugin's own ring mints a token (reached by reflection: the plugin has its own class loader)
        String token = mintWithThePluginsRing(server, "https://" + GATEWAY);

        // Then the served key verifies its ES256 signature with nothing but the JDK (RFC 7515 §3.4, RFC 7518 §3.4)
        String[] parts = token.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(member(jwk, "kid"), member(header, "kid"));
        assertEquals("ES256", member(header, "alg"));
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(p256(member(jwk, "x"), member(jwk, "y")));
        verifier.update((parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])), "signature does not verify");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("https://" + GATEWAY, member(payload, "iss"));

        // And other methods are refused
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        for (String method : new String[] {"OPTIONS", "TRACE", "PUT", "DELETE"}) {
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(url)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, other.statusCode(), method);
        }
    }

    @Test
    @Order(2)
    void adHocCommandsAreListedAndRunThroughSmack(org.wabridge.openfire.testing.OpenfireServer server)
            throws Exception {
        XMPPTCPConnection frank = server.connect("frank");
        try {
            register(frank, "+4915112340001");
            AdHocCommandManager commands = AdHocCommandManager.getAddHocCommandsManager(frank);
            Jid gateway = JidCreate.from(GATEWAY);

            DiscoverItems items = commands.discoverCommands(gateway);
            assertEquals(List.of("status", "reconnect", "add", "remove", "block", "unblock", "unregister"),
                    items.getItems().stream().map(DiscoverItems.Item::getNode).collect(Collectors.toList()));

            RemoteCommand status = commands.getRemoteCommand(gateway, "status");
            status.execute();
            assertTrue(status.isCompleted());
            assertTrue(status.getNotes().get(0).getValue().contains("+4915112340001"), notes(status));

            RemoteCommand block = commands.getRemoteCommand(gateway, "block");
            block.execute();
            assertEquals(AdHocCommand.Status.executing, block.getStatus());
            FillableForm form = new FillableForm(block.getForm());
            form.setAnswer("number", "+44 7911 123456");
            block.complete(form);
            assertTrue(block.isCompleted());
            assertEquals(AdHocCommandNote.Type.info, block.getNotes().get(0).getType());
            assertTrue(block.getNotes().get(0).getValue().startsWith("+447911123456 is now blocked"),
                    notes(block));
            assertEquals(List.of("+447911123456"), blocked("frank"));
        } finally {
            frank.disconnect();
        }
    }

    @Test
    @Order(3)
    void aChatCommandIsAnsweredInTheUsersChat(org.wabridge.openfire.testing.OpenfireServer server) throws Exception {
        XMPPTCPConnection frank = server.connect("frank");
        Jid gateway = JidCreate.from(GATEWAY);
        StanzaCollector replies = frank.createStanzaCollector(new AndFilter(MessageTypeFilter.CHAT,
                FromMatchesFilter.createBare(gateway)));
        try {
            frank.sendStanza(frank.getStanzaFactory().buildMessageStanza().to(gateway).ofType(Message.Type.chat)
                    .setBody("unblock +447911123456").build());
            Message reply = replies.nextResult(20_000);
            assertNotNull(reply, "the gateway did not answer the chat command");
            assertTrue(reply.getBody().startsWith("+447911123456 is no longer blocked"), reply.getBody());
            assertEquals(List.of(), blocked("frank"));
        } finally {
            replies.cancel();
            frank.disconnect();
        }
    }

    @Test
    @Order(4)
    void aXep0191BlockOfAWhatsAppContactReachesTheGatewayBlockList(
            org.wabridge.openfire.testing.OpenfireServer server) throws Exception {
        XMPPTCPConnection frank = server.connect("frank");
        try {
            // Openfire 4.2.0 has no XEP-0191 and answers with an error; the gateway still honours the block
            StanzaCollector answer = frank.createStanzaCollectorAndSend(new RawIq("block", "urn:xmpp:blocking",
                    IQ.Type.set, null, "<item jid='+491701230002@" + GATEWAY + "'/><item jid='bob@example.org'/>"));
            answer.nextResult(20_000);
            answer.cancel();
            assertTrue(org.wabridge.openfire.testing.OpenfireServer.waitUntil(Duration.ofSeconds(20),
                    () -> {
                        try {
                            return blocked("frank").equals(List.of("+491701230002"));
                        } catch (Exception e) {
                            return false;
                        }
                    }), "block list: " + blocked("frank"));
        } finally {
            frank.disconnect();
        }
    }

    @Test
    @Order(5)
    void theGatewayCapsMatchSmacksOwnXep0115ComputationOverItsDiscoInfo(
            org.wabridge.openfire.testing.OpenfireServer server) throws Exception {
        XMPPTCPConnection frank = server.connect("frank");
        try {
            Jid gateway = JidCreate.from(GATEWAY);
            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(frank).discoverInfo(gateway);
            assertTrue(info.containsFeature("http://jabber.org/protocol/commands"), info.toXML().toString());

            Method generate = org.jivesoftware.smackx.caps.EntityCapsManager.class
                    .getDeclaredMethod("generateVerificationString", DiscoverInfoView.class);
            generate.setAccessible(true);
            Object smacks = generate.invoke(null, info);
            String smackVer = (String) smacks.getClass().getField("version").get(smacks);

            // the plugin lives in its own class loader: reach its component by reflection
            Object plugin = server.plugin().orElseThrow();
            Object component = ((Optional<?>) plugin.getClass().getMethod("gatewayComponent").invoke(plugin))
                    .orElseThrow();
            Object caps = component.getClass().getMethod("caps").invoke(component);
            String ver = (String) caps.getClass().getMethod("ver").invoke(caps);
            String node = (String) caps.getClass().getMethod("node").invoke(caps);
            assertEquals(smackVer, ver);

            // and the gateway answers disco#info for node#ver (XEP-0115 §6.2)
            DiscoverInfo byNode = ServiceDiscoveryManager.getInstanceFor(frank).discoverInfo(gateway, node + "#" + ver);
            assertEquals(node + "#" + ver, byNode.getNode());
            assertTrue(byNode.hasIdentity("gateway", "whatsapp"));
        } finally {
            frank.disconnect();
        }
    }

    /** Mints an interop token with the loaded plugin's provider key ring, through the plugin's class loader. */
    private static String mintWithThePluginsRing(org.wabridge.openfire.testing.OpenfireServer server, String issuer)
            throws Exception {
        Object plugin = server.plugin().orElseThrow();
        Object keys = ((Optional<?>) plugin.getClass().getMethod("providerKeys").invoke(plugin)).orElseThrow();
        Object ring = keys.getClass().getMethod("ring").invoke(keys);
        ClassLoader loader = plugin.getClass().getClassLoader();
        Class<?> profileClass = Class.forName("org.wabridge.core.auth.TokenProfile", true, loader);
        Object profile = profileClass.getMethod("defaults", String.class).invoke(null, issuer);
        Class<?> minterClass = Class.forName("org.wabridge.core.auth.InteropTokenMinter", true, loader);
        Object minter = minterClass.getConstructor(ring.getClass(), profileClass, Clock.class, SecureRandom.class)
                .newInstance(ring, profile, Clock.systemUTC(), new SecureRandom());
        Object token = minterClass.getMethod("mint", String.class, String.class).invoke(minter, "4915112345678",
                "192.0.2.1");
        return (String) token.getClass().getMethod("compact").invoke(token);
    }

    /** The one match of {@code regex} in {@code text}. */
    private static String only(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " not in " + text);
        String found = m.group();
        assertFalse(m.find(), "more than one match of " + regex + " in " + text);
        return found;
    }

    /** A string member of a flat JSON object (the JWK, the JWS header and payload have no nesting we read). */
    private static String member(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(json);
        assertTrue(m.find(), name + " not in " + json);
        return m.group(1);
    }

    /** A P-256 public key from the JWK's base64url coordinates (RFC 7518 §6.2.1). */
    private static PublicKey p256(String x, String y) throws Exception {
        java.security.AlgorithmParameters params = java.security.AlgorithmParameters.getInstance("EC");
        params.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.spec.ECParameterSpec spec = params.getParameterSpec(java.security.spec.ECParameterSpec.class);
        java.security.spec.ECPoint point = new java.security.spec.ECPoint(
                new java.math.BigInteger(1, Base64.getUrlDecoder().decode(x)),
                new java.math.BigInteger(1, Base64.getUrlDecoder().decode(y)));
        return java.security.KeyFactory.getInstance("EC").generatePublic(
                new java.security.spec.ECPublicKeySpec(point, spec));
    }

    private static String notes(AdHocCommand command) {
        return command.getNotes().stream().map(AdHocCommandNote::getValue).collect(Collectors.joining(" | "));
    }
}
