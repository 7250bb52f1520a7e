/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;

class ClientPayloadFactoryTest {
    private final byte[] token = "eyJhbGciOiJFUzI1NiJ9.e30.sig".getBytes(StandardCharsets.US_ASCII);

    @Test
    void interopLoginCarriesProductAccountTokenAndPassivePull() {
        ClientPayload p = new ClientPayloadFactory(UserAgentSettings.defaults())
                .build(-2L, 0, token, true, ClientPayload.ConnectReason.USER_ACTIVATED); // -2L = 2^64 - 2 unsigned
        assertEquals(ClientPayload.Product.INTEROP, p.getProduct());
        assertEquals(-2L, p.getInteropData().getAccountID());
        assertArrayEquals(token, p.getInteropData().getToken().toByteArray());
        assertTrue(p.getInteropData().getEnableReadReceipts());
        assertTrue(p.getPassive());
        assertTrue(p.getPull());
        assertEquals(0, p.getDevice());
        assertEquals(ClientPayload.UserAgent.Platform.WEB, p.getUserAgent().getPlatform());
    }

    /** Field numbers checked on the raw bytes against whatsapp-protocol.md §2.6 (product 20, interopData 38). */
    @Test
    void wireFieldNumbersMatchTheSpecTable() throws Exception {
        byte[] bytes = new ClientPayloadFactory(UserAgentSettings.defaults())
                .bytes(12345L, 3, token, false, ClientPayload.ConnectReason.ERROR_RECONNECT);
        Map<Integer, Object> top = new HashMap<>();
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        int tag;
        while ((tag = in.readTag()) != 0) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                top.put(field, in.readUInt64());
            } else if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                top.put(field, in.readByteArray());
            } else {
                in.skipField(tag);
            }
        }
        assertEquals(2L, top.get(20), "product INTEROP = 2 at field 20");
        assertEquals(1L, top.get(3), "passive at field 3");
        assertEquals(1L, top.get(33), "pull at field 33");
        assertEquals(3L, top.get(18), "device at field 18");
        assertEquals(3L, top.get(13), "connectReason ERROR_RECONNECT = 3 at field 13");
        byte[] interop = (byte[]) top.get(38);
        // interopData: accountID(1) varint 12345 = 0xB9 0x60, token(2) length-delimited
        assertEquals(0x08, interop[0]);
        assertEquals((byte) 0xB9, interop[1]);
        assertEquals(0x60, interop[2]);
        assertEquals(0x12, interop[3]);
        assertEquals(token.length, interop[4]);
    }

    @Test
    void userAgentVersionComesFromSettings() {
        UserAgentSettings ua = new UserAgentSettings(14, "2.3000.1019.7", "Openfire 5.1", "x", "y", 0, "de", "AT");
        ClientPayload.UserAgent got = new ClientPayloadFactory(ua)
                .build(1, 0, token, false, ClientPayload.ConnectReason.USER_ACTIVATED).getUserAgent();
        assertEquals(2, got.getAppVersion().getPrimary());
        assertEquals(3000, got.getAppVersion().getSecondary());
        assertEquals(1019, got.getAppVersion().getTertiary());
        assertEquals(7, got.getAppVersion().getQuaternary());
        assertTrue(!got.getAppVersion().hasQuinary());
        assertEquals("de", got.getLocaleLanguageIso6391());
    }

    @Test
    void badSettingsAndInputsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new UserAgentSettings(14, "2.x", "o", "m", "d", 0, "en", "DE"));
        assertThrows(IllegalArgumentException.class,
                () -> new UserAgentSettings(14, "1.2.3.4.5.6", "o", "m", "d", 0, "en", "DE"));
        ClientPayloadFactory f = new ClientPayloadFactory(new UserAgentSettings(999, "1", "o", "m", "d", 0, "en", "DE"));
        assertThrows(IllegalArgumentException.class,
                () -> f.build(1, 0, token, false, ClientPayload.ConnectReason.USER_ACTIVATED));
        ClientPayloadFactory ok = new ClientPayloadFactory(UserAgentSettings.defaults());
        assertThrows(IllegalArgumentException.class,
                () -> ok.build(1, 0, new byte[0], false, ClientPayload.ConnectReason.USER_ACTIVATED));
    }
}
