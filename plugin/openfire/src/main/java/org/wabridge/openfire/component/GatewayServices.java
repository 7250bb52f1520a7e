/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import org.wabridge.openfire.i18n.Messages;
import org.wabridge.openfire.registration.RegistrationService;

/**
 * What the component needs besides Openfire: the registration logic, localized texts per request language
 * (XEP-0077/0100 answers and error texts), and the plugin version for XEP-0092.
 */
public record GatewayServices(RegistrationService registrations, Function<Locale, Messages> texts, String version) {

    public GatewayServices {
        Objects.requireNonNull(registrations, "registrations");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(version, "version");
    }
}
