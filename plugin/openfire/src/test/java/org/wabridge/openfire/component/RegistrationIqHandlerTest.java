/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.wabridge.openfire.i18n.TestBundles;
import org.wabridge.openfire.id.JidMapper;
import org.wabridge.openfire.registration.InMemoryRegistrationStore;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.registration.RegistrationException;
import org.wabridge.openfire.registration.RegistrationPolicy;
import org.wabridge.openfire.registration.RegistrationRules;
import org.wabridge.openfire.registration.RegistrationService;
import org.wabridge.openfire.registration.RegistrationStore;
import org.wabridge.openfire.registration.RegistrationStoreException;
import org.wabridge.openfire.registration.UnregisterHook;
import org.wabridge.openfire.testing.CapturingAppender;
import org.wabridge.openfire.testing.LogRecord;
import org.wabridge.openfire.xep.xep0077.RegistrationQuery;
import org.xmpp.forms.DataForm;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/** The XEP-0077 and XEP-0100 handlers with literal IQs, an in-memory store and the real English texts. */
class RegistrationIqHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final InMemoryRegistrationStore store = new InMemoryRegistrationStore();
    private RegistrationRules rules = new RegistrationRules(RegistrationPolicy.OPEN, Set.of());
    private final GatewayServices services = new GatewayServices(new RegistrationService(store, () -> rules,
            (u, g) -> false, UnregisterHook.NONE, Clock.fixed(NOW, ZoneOffset.UTC)), locale -> TestBundles.english(), "1.2.3");
    private final RegistrationIqHandler registration = new RegistrationIqHandler(services);
    private final GatewayIqHandler gateway = new GatewayIqHandler(services, new JidMapper("whatsapp.example.org"));

    private static IQ iq(String xml) throws Exception {
        return new IQ(DocumentHelper.parseText(xml).getRootElement());
    }

    private static IQ registerSet(String phone, String consent) throws Exception {
        return registerSet(phone, consent, "<field var='consent-version'><value>"
                + RegistrationService.CONSENT_VERSION + "</value></field>");
    }

    private static IQ registerSet(String phone, String consent, String versionField) throws Exception {
        return iq("<iq type='set' id='r1' from='alice@example.org/phone' to='whatsapp.example.org'>"
                + "<query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>jabber:iq:register</value></field>"
                + "<field var='phone'><value>" + phone + "</value></field>"
                + "<field var='consent'><value>" + consent + "</value></field>" + versionField + "</x></query></iq>");
    }

    @Test
    void getAnswersTheFormWithRequiredPhoneAndConsentAndTheDisclosure() throws Exception {
        IQ answer = registration.get(iq("<iq type='get' id='g1' from='alice@example.org/phone' to='whatsapp.example.org'>"
                + "<query xmlns='jabber:iq:register'/></iq>"), Locale.ENGLISH);

        assertEquals(IQ.Type.result, answer.getType());
        Element query = answer.getChildElement();
        assertEquals(RegistrationQuery.NAMESPACE, query.getNamespaceURI());
        assertNull(query.element("registered"));
        DataForm form = new DataForm(query.element(org.dom4j.QName.get("x", DataForm.NAMESPACE)));
        assertEquals(DataForm.Type.form, form.getType());
        assertTrue(form.getField("phone").isRequired());
        assertTrue(form.getField("consent").isRequired());
        assertEquals(RegistrationService.CONSENT_VERSION, form.getField("consent-version").getFirstValue());
        assertTrue(answer.toXML().contains("end-to-end encrypted only as far as this XMPP server"));
    }

    @Test
    void submittedFormRegistersAndAMissingConsentOrBadNumberIsTypedWithText() throws Exception {
        IQ refused = registration.set(registerSet("+49 170 1234567", "0"), Locale.ENGLISH);
        assertEquals(PacketError.Condition.not_acceptable, refused.getError().getCondition());
        assertTrue(refused.getError().getText().startsWith("Please read the notice"), refused.getError().getText());

        IQ invalid = registration.set(registerSet("12345", "true"), Locale.ENGLISH);
        assertEquals(PacketError.Condition.not_acceptable, invalid.getError().getCondition());
        assertEquals(Optional.empty(), store.find("alice"));

        IQ ok = registration.set(registerSet("+49 170 1234567", "true"), Locale.ENGLISH);
        assertEquals(IQ.Type.result, ok.getType());
        assertEquals(Optional.of("+491701234567"), store.find("alice").map(Registration::phoneE164));
    }

    @Test
    void aFormWithoutOrWithAnOlderDisclosureVersionIsNotAcceptableWithTextAndNothingIsStored() throws Exception {
        for (String versionField : new String[] {"",
                "<field var='consent-version'><value>2025-01-1</value></field>"}) {
            IQ refused = registration.set(registerSet("+49 170 1234567", "1", versionField), Locale.ENGLISH);

            assertEquals(PacketError.Condition.not_acceptable, refused.getError().getCondition(), versionField);
            assertTrue(refused.getError().getText().contains("registration form again"), refused.getError().getText());
        }
        assertEquals(Optional.empty(), store.find("alice"));
    }

    @Test
    void legacyFieldsWithoutTheFormAreABadRequest() throws Exception {
        IQ answer = registration.set(iq("<iq type='set' id='r2' from='alice@example.org/phone' to='whatsapp.example.org'>"
                + "<query xmlns='jabber:iq:register'><phone>+491701234567</phone></query></iq>"), Locale.ENGLISH);

        assertEquals(PacketError.Condition.bad_request, answer.getError().getCondition());
        assertEquals(Optional.empty(), store.find("alice"));
    }

    @Test
    void groupPolicyRefusesTheFormAlready() throws Exception {
        rules = new RegistrationRules(RegistrationPolicy.GROUPS, Set.of("staff"));

        IQ answer = registration.get(iq("<iq type='get' id='g2' from='alice@example.org/phone' to='whatsapp.example.org'>"
                + "<query xmlns='jabber:iq:register'/></iq>"), Locale.ENGLISH);

        assertEquals(PacketError.Condition.forbidden, answer.getError().getCondition());
        assertNotNull(answer.getError().getText());
    }

    @Test
    void gatewayPromptMapsANumberToTheContactJid() throws Exception {
        IQ answer = gateway.set(iq("<iq type='set' id='p1' from='alice@example.org/phone' to='whatsapp.example.org'>"
                + "<query xmlns='jabber:iq:gateway'><prompt>+49 (170) 123 4567</prompt></query></iq>"), Locale.ENGLISH);

        assertEquals("+491701234567@whatsapp.example.org", answer.getChildElement().elementText("jid"));
        IQ bad = gateway.set(iq("<iq type='set' id='p2' from='alice@example.org/phone' to='whatsapp.example.org'>"
                + "<query xmlns='jabber:iq:gateway'><prompt>nobody</prompt></query></iq>"), Locale.ENGLISH);
        assertEquals(PacketError.Condition.not_acceptable, bad.getError().getCondition());
    }

    @Test
    void everyRegistrationReasonHasAConditionAndATextInBothLanguages() {
        java.util.ResourceBundle german = TestBundles.bundle("whatsapp_i18n_de.properties");
        for (RegistrationException.Reason reason : RegistrationException.Reason.values()) {
            assertNotNull(IqErrors.condition(reason));
            assertTrue(!TestBundles.english().get(reason.i18nKey()).isBlank(), reason.name());
            assertTrue(!german.getString(reason.i18nKey()).isBlank(), reason.name());
        }
        for (org.wabridge.openfire.convert.ConversionException.Reason reason
                : org.wabridge.openfire.convert.ConversionException.Reason.values()) {
            assertNotNull(IqErrors.condition(reason));
            assertTrue(!TestBundles.english().get(reason.i18nKey(), "x").isBlank(), reason.name());
        }
    }

    @Test
    void aStoreFailureIsLoggedAtWarnWithoutTheDriversMessageWhichMayHoldTheNumber() throws Exception {
        // Given a store whose driver names the number in its message (as PostgreSQL and MariaDB do)
        int mark = CapturingAppender.mark();
        RegistrationIqHandler handler = new RegistrationIqHandler(new GatewayServices(new RegistrationService(
                new FailingSaves(), () -> rules, (u, g) -> false, UnregisterHook.NONE,
                Clock.fixed(NOW, ZoneOffset.UTC)), locale -> TestBundles.english(), "1.2.3"));

        // When alice registers
        IQ answer = handler.set(registerSet("+49 170 1234567", "true"), Locale.ENGLISH);

        // Then she gets internal-server-error, and the WARN names the SQLState but not the number
        assertEquals(PacketError.Condition.internal_server_error, answer.getError().getCondition());
        List<LogRecord> warnings = CapturingAppender.since(mark).stream()
                .filter(r -> r.logger().endsWith("RegistrationIqHandler") && r.level().equals("WARN")).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).message().contains("SQLState 08006"), warnings.get(0).message());
        assertFalse(warnings.toString().contains("1701234567"), warnings.toString());
    }

    /** Reads like an empty store; every save fails with a driver message naming the number. */
    private static final class FailingSaves implements RegistrationStore {
        @Override
        public Optional<Registration> find(String username) {
            return Optional.empty();
        }

        @Override
        public Optional<Registration> findByPhone(String phoneE164) {
            return Optional.empty();
        }

        @Override
        public void save(Registration r) throws RegistrationStoreException {
            throw new RegistrationStoreException("saving the registration of " + r.username() + " failed",
                    new SQLException("I/O error while writing (phone)=(" + r.phoneE164() + ")", "08006"));
        }

        @Override
        public boolean delete(String username) {
            return false;
        }

        @Override
        public List<Registration> all() {
            return List.of();
        }
    }
}
