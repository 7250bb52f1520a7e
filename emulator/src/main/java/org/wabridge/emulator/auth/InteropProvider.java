/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.auth;

import java.util.Objects;

/**
 * A configured interop provider: tokens must carry {@code iss = id} and {@code aud = audience} and be signed
 * by a key in the provider's JWKS.
 */
public record InteropProvider(String id, String audience, JwksKeyCache keys) {
    public InteropProvider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(keys, "keys");
    }
}
