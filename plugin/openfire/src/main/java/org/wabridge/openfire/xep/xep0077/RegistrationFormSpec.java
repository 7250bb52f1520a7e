/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0077;

import java.util.Objects;
import java.util.Optional;

/**
 * The texts and values of the registration form: title, instructions, the labels, the disclosure the user
 * consents to and its version, and the already registered number if any.
 */
public record RegistrationFormSpec(String title, String instructions, String phoneLabel, String disclosure,
        String consentLabel, String consentVersion, Optional<String> registeredPhone) {

    public RegistrationFormSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(phoneLabel, "phoneLabel");
        Objects.requireNonNull(disclosure, "disclosure");
        Objects.requireNonNull(consentLabel, "consentLabel");
        Objects.requireNonNull(consentVersion, "consentVersion");
        Objects.requireNonNull(registeredPhone, "registeredPhone");
    }
}
