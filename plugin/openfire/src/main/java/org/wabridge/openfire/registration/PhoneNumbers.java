/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Normalizes what a person types as a phone number to E.164 with libphonenumber. Numbers must be written
 * internationally ({@code +49 170 1234567}, {@code 0049 170 …} is accepted too), since the server cannot know
 * the user's country; spaces, dashes, dots and brackets are fine. Only numbers libphonenumber considers
 * valid for their country pass.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Longer input is not a phone number; refused before parsing. */
    private static final int MAX_INPUT = 40;

    private PhoneNumbers() {
    }

    /** @return the number in E.164 ({@code +} and digits), or empty if it is not a valid international number */
    public static Optional<String> toE164(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String text = input.strip();
        if (text.isEmpty() || text.length() > MAX_INPUT) {
            return Optional.empty();
        }
        if (text.startsWith("00")) {
            text = "+" + text.substring(2);
        }
        if (!text.startsWith("+")) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(text, "ZZ");
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
