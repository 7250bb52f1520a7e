/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.jid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Text forms and helpers of §4. */
class WaJidTest {

    private static void assertText(String text, WaJid jid) throws InvalidJidException {
        assertEquals(text, jid.toString());
        assertEquals(jid, WaJid.parse(text));
    }

    @Test
    void textFormsOfEveryKind() throws Exception {
        assertText("491701234567@s.whatsapp.net", WaJid.phone("491701234567"));
        assertText("491701234567:3@s.whatsapp.net", WaJid.phone("491701234567").withDevice(3));
        assertText("123456789012345@lid", WaJid.lid("123456789012345"));
        assertText("123456789012345:2@lid", WaJid.lid("123456789012345").withDevice(2));
        assertText("120363012345678901@g.us", WaJid.group("120363012345678901"));
        assertText("491701234567-1600000000@g.us", WaJid.group("491701234567-1600000000"));
        assertText("status@broadcast", WaJid.STATUS_BROADCAST);
        assertText("s.whatsapp.net", WaJid.SERVER);
        assertText("g.us", WaJid.server("g.us"));
        assertText("491701234567@c.us", WaJid.of("491701234567", WaJid.LEGACY_USER_SERVER));
        assertText("491701234567:4@hosted", WaJid.of("491701234567", 4, WaJid.HOSTED_SERVER));
        assertText("1234:99@hosted.lid", WaJid.of("1234", 99, WaJid.HOSTED_LID_SERVER));
        assertText("100012345:300@msgr", WaJid.messenger("100012345", 300));
        // interop keeps the integrator in text (Baileys form), so parse(format(j)) is lossless
        assertText("42-5550001:1@interop", WaJid.interop("5550001", 1, 42));
        assertText("42-5550001@interop", WaJid.interop("5550001", 0, 42));
    }

    @Test
    void deviceZeroIsThePlainUser() throws Exception {
        assertEquals(WaJid.phone("4917"), WaJid.parse("4917:0@s.whatsapp.net"));
        assertEquals("4917@s.whatsapp.net", WaJid.phone("4917").withDevice(0).toString());
    }

    @Test
    void malformedTextIsRejected() {
        String[] bad = {"", "@s.whatsapp.net", "4917:x@s.whatsapp.net", "4917:256@s.whatsapp.net", "4917:1@g.us",
            "5550001:1@interop", "x-5550001@interop", "70000-1@interop", "4917:@s.whatsapp.net", "a:b:1@lid",
            "4917:123456@msgr", "4917@"};
        for (String text : bad) {
            InvalidJidException e = assertThrows(InvalidJidException.class, () -> WaJid.parse(text), text);
            assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        }
    }

    @Test
    void factoriesRejectImpossibleAddresses() {
        assertThrows(IllegalArgumentException.class, () -> WaJid.group("1").withDevice(1));
        assertThrows(IllegalArgumentException.class, () -> WaJid.phone("1").withDevice(256));
        assertThrows(IllegalArgumentException.class, () -> WaJid.messenger("1", 65536));
        assertThrows(IllegalArgumentException.class, () -> WaJid.interop("1", 0, 65536));
        assertThrows(IllegalArgumentException.class, () -> WaJid.server(""));
    }

    @Test
    void nonAdAndDeviceHelpers() {
        WaJid device = WaJid.lid("123").withDevice(7);
        assertEquals(WaJid.lid("123"), device.toNonAd());
        WaJid plain = WaJid.lid("123");
        assertSame(plain, plain.toNonAd());
        WaJid interop = WaJid.interop("5550001", 3, 42);
        assertEquals(WaJid.interop("5550001", 0, 42), interop.toNonAd(), "integrator stays");
        assertNotEquals(WaJid.interop("5550001", 3, 43), interop);
        assertEquals(5, interop.withDevice(5).device());
    }

    @Test
    void signalAddressNamePerDomain() {
        assertEquals("491701234567", WaJid.phone("491701234567").withDevice(2).signalAddressName());
        assertEquals("123_1", WaJid.lid("123").withDevice(2).signalAddressName());
        assertEquals("123_128", WaJid.of("123", 1, WaJid.HOSTED_SERVER).signalAddressName());
        assertEquals("123_129", WaJid.of("123", 1, WaJid.HOSTED_LID_SERVER).signalAddressName());
        assertEquals("5550001", WaJid.interop("5550001", 1, 42).signalAddressName());
        assertEquals(2, WaJid.lid("123").withDevice(2).signalDeviceId());
    }

    @Test
    void kindPredicatesAndAdString() {
        assertTrue(WaJid.lid("1").isLid());
        assertTrue(WaJid.of("1", WaJid.HOSTED_LID_SERVER).isLid());
        assertTrue(WaJid.of("1", WaJid.HOSTED_LID_SERVER).isHosted());
        assertTrue(WaJid.group("1").isGroup());
        assertTrue(WaJid.STATUS_BROADCAST.isBroadcast());
        assertTrue(WaJid.SERVER.isServerOnly());
        assertFalse(WaJid.SERVER.hasUser());
        assertTrue(WaJid.messenger("1", 0).isMessenger());
        assertTrue(WaJid.interop("1", 0, 1).isInterop());
        assertEquals("4917.0:3@s.whatsapp.net", WaJid.phone("4917").withDevice(3).toAdString());
        assertEquals("123.1:2@lid", WaJid.lid("123").withDevice(2).toAdString());
    }
}
