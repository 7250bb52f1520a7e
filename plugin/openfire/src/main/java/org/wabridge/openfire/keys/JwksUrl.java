/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.keys;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where WhatsApp fetches the JWKS: the administrator's {@link ProviderKeySettings#JWKS_URL}, else HTTPS on the
 * server's FQDN and HTTP-bind TLS port (Openfire's {@code httpbind.port.secure}, default 7443), where Openfire
 * presents its domain certificate. Portable: reads properties, not {@code HttpBindManager} port getters (gone
 * in 5.x).
 */
public final class JwksUrl {

    public static final String CONTEXT_PATH = "/whatsapp";
    public static final String SERVLET_PATH = "/jwks.json";

    private JwksUrl() {
    }

    public static String of(Optional<String> configured, String fqdn, Function<String, String> properties) {
        if (configured.isPresent()) {
            return configured.get();
        }
        String port = Optional.ofNullable(properties.apply("httpbind.port.secure")).map(String::strip)
                .filter(p -> p.matches("[0-9]{1,5}")).orElse("7443");
        return "https://" + fqdn + ":" + port + CONTEXT_PATH + SERVLET_PATH;
    }
}
