/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

/**
 * The provider-key facts the admin status page shows, as plain strings (the page lives in another package and
 * must not see the wiring).
 *
 * @param jwksUrl the public JWKS URL
 * @param summary "kid (n published)" or the problem that keeps the keys or the JWKS from working
 */
public record GatewayKeysView(String jwksUrl, String summary) {

    public static GatewayKeysView of(WhatsAppPlugin plugin) {
        GatewayExtras.KeysStatus s = plugin.keysStatus();
        String summary = s.currentKid() + " (" + s.publishedKeys() + ")"
                + s.problem().map(p -> " \u2013 " + p).orElse("");
        return new GatewayKeysView(s.jwksUrl(), summary);
    }
}
