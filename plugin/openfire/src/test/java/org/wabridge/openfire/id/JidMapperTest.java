/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wabridge.core.jid.WaJid;
import org.xmpp.packet.JID;

class JidMapperTest {

    private final JidMapper mapper = new JidMapper("whatsapp.example.org");

    @Test
    void phoneUserBecomesPlusE164AtTheGatewayAndBack() throws Exception {
        // Given a phone user with a device part
        WaJid device = WaJid.of("491701234567", 3, WaJid.USER_SERVER);

        // When / Then: the device is dropped, the '+' form needs no XEP-0106 escaping
        JID jid = mapper.toXmpp(device);
        assertEquals("+491701234567@whatsapp.example.org", jid.toString());
        assertEquals("+491701234567", jid.getNode());
        assertEquals(WaJid.phone("491701234567"), mapper.toWhatsApp(jid));
        assertEquals(WaJid.phone("491701234567"), mapper.toWhatsApp(new JID("+491701234567@whatsapp.example.org/phone")));
    }

    @Test
    void plusFormSurvivesOpenfiresStringprep() {
        // Parsing the string form (with nodeprep) yields the same node and equal JIDs
        JID parsed = new JID("+491701234567@whatsapp.example.org");
        assertEquals("+491701234567", parsed.getNode());
        assertEquals(new JID("+491701234567", "whatsapp.example.org", null), parsed);
    }

    @Test
    void lidUserHasItsOwnForm() throws Exception {
        JID jid = mapper.toXmpp(WaJid.lid("123456789012345"));
        assertEquals("lid-123456789012345@whatsapp.example.org", jid.toString());
        assertEquals(WaJid.lid("123456789012345"), mapper.toWhatsApp(jid));
    }

    @Test
    void groupsAndServersAreNotContacts() {
        assertThrows(UnmappableJidException.class, () -> mapper.toXmpp(WaJid.group("120363012345678901")));
        assertThrows(UnmappableJidException.class, () -> mapper.toXmpp(WaJid.SERVER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"491701234567@whatsapp.example.org", "+0491701234567@whatsapp.example.org",
            "+12345@whatsapp.example.org", "+1234567890123456@whatsapp.example.org", "+49 170@whatsapp.example.org",
            "+491701234567@other.example.org", "whatsapp.example.org", "lid-@whatsapp.example.org",
            "lid-0123@whatsapp.example.org", "+49170123456a@whatsapp.example.org"})
    void rejectsEverythingElse(String jid) {
        assertThrows(UnmappableJidException.class, () -> mapper.toWhatsApp(new JID(jid, true)));
    }

    @Test
    void e164FormsAreValidated() throws Exception {
        assertEquals(new JID("+4930123456@whatsapp.example.org"), mapper.fromE164("+4930123456"));
        assertThrows(UnmappableJidException.class, () -> mapper.fromE164("4930123456"));
        assertThrows(UnmappableJidException.class, () -> mapper.fromE164(null));
    }

    @Test
    void gatewayJidIsTheBareDomain() {
        assertEquals(new JID("whatsapp.example.org"), mapper.gatewayJid());
        assertThrows(IllegalArgumentException.class, () -> new JidMapper("a@b"));
    }
}
