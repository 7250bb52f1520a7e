/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.engine;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.wabridge.core.auth.TokenProfile;

/**
 * Where and how the engine reaches WhatsApp, read from the {@code plugin.whatsapp.endpoint*},
 * {@code plugin.whatsapp.trust.anchor}, {@code plugin.whatsapp.provider.id}, {@code plugin.whatsapp.token.audience}
 * and {@code plugin.whatsapp.interop.integrator} properties. WhatsApp's interop endpoint, server root key and
 * integrator number are not public (whatsapp-protocol.md §2.1, §2.7, §4), so all of them are settings. An empty
 * endpoint leaves the engine off; an invalid value lists its key in the invalid keys and also leaves it off,
 * with {@link #disabledReason()} saying why.
 *
 * @param host       TCP host (tcp transport), else empty
 * @param port       TCP port (tcp transport), else 0
 * @param webSocket  the WebSocket URL (websocket transport), else empty
 * @param trustAnchor the file holding the server root key as {@code <64 hex digits> <serial>}
 * @param providerId {@code iss} of the tokens; empty = {@code https://<XMPP domain>}
 * @param audience   {@code aud} of the tokens
 * @param integrator the integrator number of our interop addresses
 */
public record EngineEndpoint(Optional<String> host, int port, Optional<URI> webSocket, Optional<Path> trustAnchor,
                             Optional<String> providerId, String audience, int integrator,
                             Optional<String> disabledReason) {

    public static final String ENDPOINT = "plugin.whatsapp.endpoint";
    public static final String TRANSPORT = "plugin.whatsapp.endpoint.transport";
    public static final String TRUST_ANCHOR = "plugin.whatsapp.trust.anchor";
    public static final String PROVIDER_ID = "plugin.whatsapp.provider.id";
    public static final String AUDIENCE = "plugin.whatsapp.token.audience";
    public static final String INTEGRATOR = "plugin.whatsapp.interop.integrator";
    /** Shown while no endpoint is configured. */
    public static final String NOT_CONFIGURED = "no WhatsApp endpoint is configured (" + ENDPOINT + ")";

    /** @return true if the engine can be built from these settings */
    public boolean enabled() {
        return disabledReason.isEmpty();
    }

    /** @return the token issuer: the setting, or {@code https://<xmppDomain>} */
    public String issuer(String xmppDomain) {
        return providerId.orElse("https://" + xmppDomain);
    }

    /** Reads the settings; keys with unusable values are added to {@code invalid}. */
    public static EngineEndpoint from(Function<String, String> source, List<String> invalid) {
        String endpoint = text(source, ENDPOINT).orElse("");
        String transport = text(source, TRANSPORT).map(t -> t.toLowerCase(Locale.ROOT)).orElse("");
        Optional<String> providerId = text(source, PROVIDER_ID);
        String audience = text(source, AUDIENCE).orElse(TokenProfile.DEFAULT_AUDIENCE);
        int integrator = integrator(source, invalid);
        Optional<Path> anchor = text(source, TRUST_ANCHOR).map(Path::of);
        if (!transport.isEmpty() && !transport.equals("tcp") && !transport.equals("websocket")) {
            invalid.add(TRANSPORT);
            return off(anchor, providerId, audience, integrator, TRANSPORT + " must be tcp or websocket");
        }
        if (endpoint.isEmpty()) {
            return off(anchor, providerId, audience, integrator, NOT_CONFIGURED);
        }
        if (anchor.isEmpty()) {
            return off(anchor, providerId, audience, integrator, TRUST_ANCHOR + " is not set");
        }
        boolean ws = endpoint.startsWith("ws://") || endpoint.startsWith("wss://");
        if (ws || transport.equals("websocket")) {
            try {
                URI uri = URI.create(endpoint);
                if (uri.getHost() == null || !ws) {
                    throw new IllegalArgumentException("not a ws:// or wss:// URL");
                }
                return new EngineEndpoint(Optional.empty(), 0, Optional.of(uri), anchor, providerId, audience,
                        integrator, Optional.empty());
            } catch (IllegalArgumentException e) {
                invalid.add(ENDPOINT);
                return off(anchor, providerId, audience, integrator, ENDPOINT + " is not a WebSocket URL");
            }
        }
        int colon = endpoint.lastIndexOf(':');
        try {
            int port = Integer.parseInt(endpoint.substring(colon + 1));
            String host = endpoint.substring(0, Math.max(colon, 0));
            if (colon <= 0 || port < 1 || port > 65535) {
                throw new NumberFormatException(endpoint);
            }
            return new EngineEndpoint(Optional.of(host), port, Optional.empty(), anchor, providerId, audience,
                    integrator, Optional.empty());
        } catch (NumberFormatException e) {
            invalid.add(ENDPOINT);
            return off(anchor, providerId, audience, integrator, ENDPOINT + " must be host:port or a ws(s):// URL");
        }
    }

    private static EngineEndpoint off(Optional<Path> anchor, Optional<String> providerId, String audience,
                                      int integrator, String reason) {
        return new EngineEndpoint(Optional.empty(), 0, Optional.empty(), anchor, providerId, audience, integrator,
                Optional.of(reason));
    }

    private static int integrator(Function<String, String> source, List<String> invalid) {
        Optional<String> raw = text(source, INTEGRATOR);
        if (raw.isEmpty()) {
            return 1;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= 0 && value <= 0xFFFF) { // u16 on the wire (§4)
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        invalid.add(INTEGRATOR);
        return 1;
    }

    private static Optional<String> text(Function<String, String> source, String key) {
        return Optional.ofNullable(source.apply(key)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
