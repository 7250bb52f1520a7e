/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jivesoftware.database.DbConnectionManager;
import org.jivesoftware.openfire.user.UserManager;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.util.JiveGlobals;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jxmpp.jid.impl.JidCreate;
import org.wabridge.openfire.testing.OpenfireExtension;
import org.wabridge.openfire.testing.OpenfireServer;

/**
 * A Smack client registers with the gateway in a real Openfire 4.2.0 (XEP-0077 with the consent form),
 * uses the XEP-0100 prompt, asks for the version, and unregisters; refusals come back as typed errors with
 * text. Runs before {@link WhatsAppPluginIT}, which ends by unloading the plugin.
 */
@ExtendWith(OpenfireExtension.class)
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayRegistrationIT {

    private static final String GATEWAY = "whatsapp." + OpenfireServer.DOMAIN;
    private static final String REGISTER = "jabber:iq:register";
    private static final String CONSENT_VERSION = "2026-11-1";

    /** An IQ with literal child XML, so the test writes the stanzas exactly as a client would. */
    private static final class RawIq extends IQ {
        private final String children;

        RawIq(String namespace, Type type, String children) throws Exception {
            super("query", namespace);
            this.children = children;
            setType(type);
            setTo(JidCreate.from(GATEWAY));
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.append(children);
            return xml;
        }
    }

    private static String form(String phone, boolean consent) {
        return "<x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>jabber:iq:register</value></field>"
                + "<field var='phone'><value>" + phone + "</value></field>"
                + "<field var='consent'><value>" + (consent ? "1" : "0") + "</value></field>"
                + "<field var='consent-version'><value>" + CONSENT_VERSION + "</value></field></x>";
    }

    private static String send(XMPPTCPConnection c, String namespace, IQ.Type type, String children) throws Exception {
        IQ answer = c.createStanzaCollectorAndSend(new RawIq(namespace, type, children)).nextResultOrThrow();
        // Smack keeps children it has no provider for as escaped text; unescape so assertions read XML
        String xml = answer.toXML().toString();
        for (int pass = 0; pass < 2; pass++) { // text inside escaped children is escaped twice
            xml = xml.replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'").replace("&quot;", "\"")
                    .replace("&amp;", "&");
        }
        return xml;
    }

    private static StanzaError refused(XMPPTCPConnection c, String namespace, IQ.Type type, String children) {
        return assertThrows(XMPPErrorException.class, () -> send(c, namespace, type, children)).getStanzaError();
    }

    private static Optional<String[]> row(String username) throws Exception {
        try (Connection con = DbConnectionManager.getConnection();
             PreparedStatement ps = con.prepareStatement(
                     "SELECT phone, consentVersion, consentTime, state FROM ofWaRegistration WHERE username=?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2),
                        Long.toString(rs.getLong(3)), rs.getString(4)}) : Optional.empty();
            }
        }
    }

    @Test
    @Order(1)
    void formCarriesPhoneDisclosureAndConsentBox(OpenfireServer server) throws Exception {
        XMPPTCPConnection erin = server.connect("erin");
        try {
            String form = send(erin, REGISTER, IQ.Type.get, "");

            assertTrue(form.contains("jabber:x:data"), form);
            assertTrue(form.contains("var='phone'") || form.contains("var=\"phone\""), form);
            assertTrue(form.contains("var='consent'") || form.contains("var=\"consent\""), form);
            assertTrue(form.contains("end-to-end encrypted only as far as this XMPP server"), form);
            assertTrue(form.contains(CONSENT_VERSION), form);
            assertFalse(form.contains("<registered"), "not registered yet: " + form);
        } finally {
            erin.disconnect();
        }
    }

    @Test
    @Order(2)
    void invalidNumberIsNotAcceptableWithText(OpenfireServer server) throws Exception {
        XMPPTCPConnection erin = server.connect("erin");
        try {
            StanzaError error = refused(erin, REGISTER, IQ.Type.set, form("0170 1234567", true));

            assertEquals(StanzaError.Condition.not_acceptable, error.getCondition());
            assertTrue(error.getDescriptiveText().contains("international format"), error.getDescriptiveText());
            assertEquals(Optional.empty(), row("erin"));
        } finally {
            erin.disconnect();
        }
    }

    @Test
    @Order(3)
    void missingConsentIsRefusedWithText(OpenfireServer server) throws Exception {
        XMPPTCPConnection erin = server.connect("erin");
        try {
            StanzaError error = refused(erin, REGISTER, IQ.Type.set, form("+49 170 1234567", false));

            assertEquals(StanzaError.Condition.not_acceptable, error.getCondition());
            assertTrue(error.getDescriptiveText().contains("consent"), error.getDescriptiveText());
            assertEquals(Optional.empty(), row("erin"));
        } finally {
            erin.disconnect();
        }
    }

    @Test
    @Order(4)
    void validNumberWithConsentRegistersAndRecordsTheConsent(OpenfireServer server) throws Exception {
        XMPPTCPConnection erin = server.connect("erin");
        try {
            Instant before = Instant.now();
            send(erin, REGISTER, IQ.Type.set, form("+49 170 1234567", true));

            String[] row = row("erin").orElseThrow();
            assertEquals("+491701234567", row[0]);
            assertEquals(CONSENT_VERSION, row[1]);
            assertFalse(Instant.ofEpochMilli(Long.parseLong(row[2])).isBefore(before.minusMillis(1)));
            assertEquals("LINKED", row[3]);
            // the form now says so and shows the number
            String form = send(erin, REGISTER, IQ.Type.get, "");
            assertTrue(form.contains("<registered"), form);
            assertTrue(form.contains("+491701234567"), form);
            // and erin, online while registering, gets a WhatsApp session without logging in again
            assertTrue(OpenfireServer.waitUntil(Duration.ofSeconds(20), () -> hasSession("erin")),
                    "registering from an online client started no WhatsApp session");
        } finally {
            erin.disconnect();
        }
    }

    @Test
    @Order(5)
    void gatewayPromptTurnsANumberIntoTheContactJid(OpenfireServer server) throws Exception {
        XMPPTCPConnection erin = server.connect("erin");
        try {
            String prompt = send(erin, "jabber:iq:gateway", IQ.Type.get, "");
            assertTrue(prompt.contains("<prompt>Phone number</prompt>"), prompt);
            assertTrue(prompt.contains("user's phone number"), "apostrophes survive MessageFormat: " + prompt);

            String answer = send(erin, "jabber:iq:gateway", IQ.Type.set, "<prompt>+1 650-253-0000</prompt>");
            assertTrue(answer.contains("<jid>+16502530000@" + GATEWAY + "</jid>"), answer);

            StanzaError error = refused(erin, "jabber:iq:gateway", IQ.Type.set, "<prompt>hello</prompt>");
            assertEquals(StanzaError.Condition.not_acceptable, error.getCondition());
        } finally {
            erin.disconnect();
        }
    }

    @Test
    @Order(6)
    void versionPingAndTimeAreAnsweredAndUnknownIqsGetAnError(OpenfireServer server) throws Exception {
        XMPPTCPConnection erin = server.connect("erin");
        try {
            String version = send(erin, "jabber:iq:version", IQ.Type.get, "");
            assertTrue(version.contains("<name>WhatsApp</name>"), version);
            send(erin, "urn:xmpp:ping", IQ.Type.get, ""); // Tinder answers (XEP-0199)
            String time = send(erin, "urn:xmpp:time", IQ.Type.get, ""); // and entity time (XEP-0202)
            assertTrue(time.contains("<utc>") && time.contains("<tzo>"), time);
            assertEquals(StanzaError.Condition.feature_not_implemented,
                    refused(erin, "urn:example:nothing", IQ.Type.get, "").getCondition());
        } finally {
            erin.disconnect();
        }
    }

    @Test
    @Order(7)
    void unregisterRemovesTheRegistrationAndASecondTimeIsRegistrationRequired(OpenfireServer server) throws Exception {
        XMPPTCPConnection erin = server.connect("erin");
        try {
            send(erin, REGISTER, IQ.Type.set, "<remove/>");

            assertEquals(Optional.empty(), row("erin"));
            StanzaError again = refused(erin, REGISTER, IQ.Type.set, "<remove/>");
            assertEquals(StanzaError.Condition.registration_required, again.getCondition());
            assertTrue(again.getDescriptiveText().contains("not registered"), again.getDescriptiveText());
        } finally {
            erin.disconnect();
        }
    }

    @Test
    @Order(8)
    void deletingTheOpenfireUserRemovesTheRegistration(OpenfireServer server) throws Exception {
        XMPPTCPConnection frank = server.connect("frank");
        try {
            send(frank, REGISTER, IQ.Type.set, form("+44 20 7946 0958", true));
            assertTrue(row("frank").isPresent());
        } finally {
            frank.disconnect();
        }

        UserManager.getInstance().deleteUser(UserManager.getInstance().getUser("frank"));

        assertEquals(Optional.empty(), row("frank"));
    }

    @Test
    @Order(9)
    void groupPolicyRefusesNonMembersWithForbiddenAndText(OpenfireServer server) throws Exception {
        XMPPTCPConnection erin = server.connect("erin");
        try {
            // Given the administrator allows only members of a group erin is not in
            JiveGlobals.setProperty("plugin.whatsapp.registration.groups", "whatsapp-users");
            JiveGlobals.setProperty("plugin.whatsapp.registration.policy", "groups");
            assertTrue(OpenfireServer.waitUntil(Duration.ofSeconds(30), () -> isForbidden(erin)),
                    "the policy change did not reach the gateway");

            // Then registering is forbidden, with a text saying why
            StanzaError error = refused(erin, REGISTER, IQ.Type.set, form("+49 170 1234567", true));
            assertEquals(StanzaError.Condition.forbidden, error.getCondition());
            assertTrue(error.getDescriptiveText().contains("administrator"), error.getDescriptiveText());
            assertEquals(Optional.empty(), row("erin"));
        } finally {
            JiveGlobals.deleteProperty("plugin.whatsapp.registration.policy");
            JiveGlobals.deleteProperty("plugin.whatsapp.registration.groups");
            assertTrue(OpenfireServer.waitUntil(Duration.ofSeconds(30), () -> formAnswered(erin)),
                    "the gateway did not come back with the open policy");
            erin.disconnect();
        }
    }

    @Test
    @Order(10)
    void aMessageFromAnUnregisteredUserIsBouncedWithTextSayingSo(OpenfireServer server) throws Exception {
        XMPPTCPConnection erin = server.connect("erin");
        try {
            org.jxmpp.jid.Jid contact = JidCreate.from("+491701234567@" + GATEWAY);
            org.jivesoftware.smack.StanzaCollector errors = erin.createStanzaCollector(
                    new org.jivesoftware.smack.filter.AndFilter(org.jivesoftware.smack.filter.MessageTypeFilter.ERROR,
                            org.jivesoftware.smack.filter.FromMatchesFilter.createBare(contact)));
            try {
                erin.sendStanza(erin.getStanzaFactory().buildMessageStanza().to(contact)
                        .ofType(org.jivesoftware.smack.packet.Message.Type.chat).setBody("hello").build());
                org.jivesoftware.smack.packet.Message bounce = errors.nextResult(20_000);

                assertTrue(bounce != null, "no error came back");
                // erin unregistered above (step 7): the gateway says so instead of dropping the message
                assertEquals(StanzaError.Condition.registration_required, bounce.getError().getCondition());
                assertTrue(bounce.getError().getDescriptiveText().contains("not registered"),
                        bounce.getError().getDescriptiveText());
            } finally {
                errors.cancel();
            }
        } finally {
            erin.disconnect();
        }
    }

    /** @return whether the Registrations page shows a WhatsApp session for the user */
    private static boolean hasSession(String user) {
        try {
            String page = org.wabridge.openfire.testing.ServletCall.get(org.wabridge.openfire.testing.ServerInternals
                    .pluginServlet("whatsapp/registrations"), new org.wabridge.openfire.testing.ServletCall.Session(),
                    java.util.Map.of()).body();
            int row = page.indexOf("<tr><td>" + user + "</td>");
            return row >= 0 && !page.substring(row, page.indexOf("</tr>", row)).contains("No WhatsApp session");
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean formAnswered(XMPPTCPConnection c) {
        try {
            send(c, REGISTER, IQ.Type.get, "");
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isForbidden(XMPPTCPConnection c) {
        try {
            send(c, REGISTER, IQ.Type.get, "");
            return false;
        } catch (XMPPErrorException e) {
            return e.getStanzaError().getCondition() == StanzaError.Condition.forbidden;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    @Order(11)
    void underTheApprovalPolicyTheAdministratorApprovesAndRemovesOnTheRegistrationsPage(OpenfireServer server)
            throws Exception {
        XMPPTCPConnection erin = server.connect("erin");
        try {
            // Given the approval policy, erin's registration waits as PENDING (retried until the setting arrived)
            JiveGlobals.setProperty("plugin.whatsapp.registration.policy", "approval");
            assertTrue(OpenfireServer.waitUntil(Duration.ofSeconds(30), () -> {
                try {
                    row("erin").ifPresent(r -> unregisterQuietly(erin));
                    send(erin, REGISTER, IQ.Type.set, form("+49 170 7654321", true));
                    return row("erin").map(r -> r[3].equals("PENDING")).orElse(false);
                } catch (Exception e) {
                    return false;
                }
            }), "registration never became PENDING");

            // When the administrator opens the registrations page (registered from web-custom.xml)
            javax.servlet.GenericServlet page = org.wabridge.openfire.testing.ServerInternals
                    .pluginServlet("whatsapp/registrations");
            org.wabridge.openfire.testing.ServletCall.Session admin = new org.wabridge.openfire.testing.ServletCall.Session();
            String html = org.wabridge.openfire.testing.ServletCall.get(page, admin, java.util.Map.of()).body();
            assertTrue(html.contains("<meta name=\"pageID\" content=\"whatsapp-registrations\">"), html);
            assertTrue(html.contains("<td>erin</td><td>+491707654321</td><td>Waiting for approval</td>"), html);
            String token = (String) admin.attribute("whatsapp.csrf");

            // Then an approval without the token is rejected, with it the registration is LINKED
            org.jivesoftware.smack.StanzaCollector notices = erin.createStanzaCollector(new org.jivesoftware.smack
                    .filter.AndFilter(org.jivesoftware.smack.filter.FromMatchesFilter.createBare(JidCreate.from(
                    "whatsapp." + OpenfireServer.DOMAIN)), org.jivesoftware.smack.filter.MessageWithBodiesFilter
                    .INSTANCE));
            assertEquals("registrations?notice=rejected", org.wabridge.openfire.testing.ServletCall.post(page, admin,
                    java.util.Map.of("action", "approve", "user", "erin")).redirect());
            assertEquals("PENDING", row("erin").orElseThrow()[3]);
            assertEquals("registrations?notice=approved", org.wabridge.openfire.testing.ServletCall.post(page, admin,
                    java.util.Map.of("action", "approve", "user", "erin", "whatsapp.csrf", token)).redirect());
            assertEquals("LINKED", row("erin").orElseThrow()[3]);
            // and erin is told, and (online) gets a session whose state the page shows
            org.jivesoftware.smack.packet.Message approved = notices.nextResult(20_000);
            assertTrue(approved != null && approved.getBody().startsWith("An administrator approved your WhatsApp"
                    + " registration."), String.valueOf(approved));
            assertTrue(OpenfireServer.waitUntil(Duration.ofSeconds(20), () -> {
                try {
                    String now = org.wabridge.openfire.testing.ServletCall.get(page, admin, java.util.Map.of()).body();
                    int row = now.indexOf("<tr><td>erin</td>");
                    return row >= 0 && !now.substring(row, now.indexOf("</tr>", row)).contains("No WhatsApp session");
                } catch (Exception e) {
                    return false;
                }
            }), "the session of the online user did not start after the approval");

            // And removing it deletes the row and tells erin
            assertEquals("registrations?notice=removed", org.wabridge.openfire.testing.ServletCall.post(page, admin,
                    java.util.Map.of("action", "remove", "user", "erin", "whatsapp.csrf", token)).redirect());
            assertEquals(Optional.empty(), row("erin"));
            org.jivesoftware.smack.packet.Message removed = notices.nextResult(20_000);
            assertTrue(removed != null && removed.getBody().startsWith("An administrator removed the link"),
                    String.valueOf(removed));
            notices.cancel();
        } finally {
            JiveGlobals.deleteProperty("plugin.whatsapp.registration.policy");
            erin.disconnect();
        }
    }

    private static void unregisterQuietly(XMPPTCPConnection c) {
        try {
            send(c, REGISTER, IQ.Type.set, "<remove/>");
        } catch (Exception e) {
            // not registered: fine
        }
    }
}
