/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.wabridge.openfire.i18n.Messages;
import org.wabridge.openfire.registration.RegistrationService;

/**
 * What the component needs besides Openfire: the registration logic, localized texts per request language
 * (XEP-0077/0100 answers and error texts), the plugin version for XEP-0092, and the user commands (XEP-0050
 * and chat words) when they are wired.
 */
public record GatewayServices(RegistrationService registrations, Function<Locale, Messages> texts, String version,
                              Optional<GatewayCommands> commands) {

    public GatewayServices {
        Objects.requireNonNull(registrations, "registrations");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commands, "commands");
    }

    /** Without user commands. */
    public GatewayServices(RegistrationService registrations, Function<Locale, Messages> texts, String version) {
        this(registrations, texts, version, Optional.empty());
    }
}
