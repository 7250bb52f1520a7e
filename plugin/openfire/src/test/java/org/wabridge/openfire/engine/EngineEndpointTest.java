/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EngineEndpointTest {

    private final Map<String, String> props = new HashMap<>();
    private final List<String> invalid = new ArrayList<>();

    private EngineEndpoint read() {
        return EngineEndpoint.from(props::get, invalid);
    }

    @Test
    void withoutAnEndpointTheEngineIsOffAndNothingIsInvalid() {
        EngineEndpoint e = read();
        assertFalse(e.enabled());
        assertEquals(Optional.of(EngineEndpoint.NOT_CONFIGURED), e.disabledReason());
        assertTrue(invalid.isEmpty());
    }

    @Test
    void hostAndPortWithATrustAnchorEnableTcp() {
        props.put(EngineEndpoint.ENDPOINT, " g.example.net:443 ");
        props.put(EngineEndpoint.TRUST_ANCHOR, "/etc/openfire/wa-root.txt");
        EngineEndpoint e = read();
        assertTrue(e.enabled(), e.toString());
        assertEquals(Optional.of("g.example.net"), e.host());
        assertEquals(443, e.port());
        assertEquals(Optional.of(Path.of("/etc/openfire/wa-root.txt")), e.trustAnchor());
        assertEquals("whatsapp-interop", e.audience());
        assertEquals(1, e.integrator());
        assertEquals("https://chat.example.org", e.issuer("chat.example.org"));
    }

    @Test
    void aWebSocketUrlSelectsTheWebSocketTransport() {
        props.put(EngineEndpoint.ENDPOINT, "wss://web.example.net/ws/chat");
        props.put(EngineEndpoint.TRUST_ANCHOR, "root.txt");
        props.put(EngineEndpoint.PROVIDER_ID, "https://xmpp.example.org");
        EngineEndpoint e = read();
        assertTrue(e.enabled());
        assertEquals(Optional.of(URI.create("wss://web.example.net/ws/chat")), e.webSocket());
        assertEquals("https://xmpp.example.org", e.issuer("ignored"));
    }

    @Test
    void anEndpointWithoutTrustAnchorStaysOffWithAReason() {
        props.put(EngineEndpoint.ENDPOINT, "127.0.0.1:5222");
        EngineEndpoint e = read();
        assertFalse(e.enabled());
        assertTrue(e.disabledReason().orElseThrow().contains(EngineEndpoint.TRUST_ANCHOR));
    }

    @Test
    void malformedValuesAreListedAsInvalid() {
        props.put(EngineEndpoint.ENDPOINT, "no-port-here");
        props.put(EngineEndpoint.TRUST_ANCHOR, "root.txt");
        props.put(EngineEndpoint.INTEGRATOR, "70000");
        assertFalse(read().enabled());
        assertEquals(List.of(EngineEndpoint.INTEGRATOR, EngineEndpoint.ENDPOINT), invalid);

        invalid.clear();
        props.put(EngineEndpoint.ENDPOINT, "127.0.0.1:5222");
        props.put(EngineEndpoint.TRANSPORT, "carrier-pigeon");
        props.remove(EngineEndpoint.INTEGRATOR);
        assertFalse(read().enabled());
        assertEquals(List.of(EngineEndpoint.TRANSPORT), invalid);

        invalid.clear();
        props.put(EngineEndpoint.TRANSPORT, "websocket");
        assertFalse(read().enabled(), "websocket transport needs a ws:// URL");
        assertEquals(List.of(EngineEndpoint.ENDPOINT), invalid);
    }

    @Test
    void equalSettingsAreEqualSoTheyDoNotRewire() {
        props.put(EngineEndpoint.ENDPOINT, "127.0.0.1:5222");
        props.put(EngineEndpoint.TRUST_ANCHOR, "root.txt");
        assertEquals(read(), read());
        EngineEndpoint before = read();
        props.put(EngineEndpoint.ENDPOINT, "localhost:5222");
        assertFalse(before.equals(read()));
    }
}
