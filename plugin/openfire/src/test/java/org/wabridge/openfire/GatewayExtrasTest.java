/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jivesoftware.openfire.interceptor.InterceptorManager;
import org.junit.jupiter.api.Test;
import org.wabridge.core.auth.InMemoryProviderKeyStore;
import org.wabridge.openfire.blocking.InMemoryBlockListStore;
import org.wabridge.openfire.commands.CommandFixture;
import org.wabridge.openfire.keys.PublicEndpointException;
import org.wabridge.openfire.xep.xep0191.BlockingInterceptor;

/** Start wires keys, JWKS, interceptor and thread; stop removes each; a failing endpoint leaves the rest working. */
class GatewayExtrasTest {

    private final CommandFixture f = new CommandFixture();
    private final List<String> endpointEvents = new CopyOnWriteArrayList<>();

    private GatewayExtras extras(org.wabridge.openfire.keys.PublicHttpEndpoint endpoint) {
        return new GatewayExtras(new GatewayExtras.Parts(InMemoryProviderKeyStore::new, new InMemoryBlockListStore(),
                endpoint, key -> null), Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC),
                f.control);
    }

    private static long blockingInterceptors() {
        return InterceptorManager.getInstance().getInterceptors().stream()
                .filter(i -> i instanceof BlockingInterceptor).count();
    }

    @Test
    void stopUndoesWhatStartDid() {
        GatewayExtras extras = extras((context, path, servlet) -> {
            endpointEvents.add("publish " + context + path);
            return () -> endpointEvents.add("close " + context + path);
        });
        long before = blockingInterceptors();
        extras.start("example.org", () -> Optional.of("whatsapp.example.org"));
        assertEquals(List.of("publish /whatsapp/jwks.json"), endpointEvents);
        assertEquals(before + 1, blockingInterceptors());
        GatewayExtras.KeysStatus status = extras.keysStatus("xmpp.example.org");
        assertEquals("https://xmpp.example.org:7443/whatsapp/jwks.json", status.jwksUrl());
        assertEquals(1, status.publishedKeys());
        assertEquals(Optional.empty(), status.problem());

        extras.stop();
        assertEquals(List.of("publish /whatsapp/jwks.json", "close /whatsapp/jwks.json"), endpointEvents);
        assertEquals(before, blockingInterceptors());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("whatsapp-blocking") && t.isAlive()));
    }

    @Test
    void aJwksThatCannotBePublishedIsReportedAndTheKeysStillWork() {
        GatewayExtras extras = extras((context, path, servlet) -> {
            throw new PublicEndpointException("HTTP binding is disabled", null);
        });
        extras.start("example.org", Optional::empty);
        try {
            GatewayExtras.KeysStatus status = extras.keysStatus("xmpp.example.org");
            assertEquals(1, status.publishedKeys());
            assertTrue(status.problem().orElseThrow().contains("HTTP binding is disabled"));
            assertFalse(extras.providerKeys().isEmpty());
        } finally {
            extras.stop();
        }
    }
}
