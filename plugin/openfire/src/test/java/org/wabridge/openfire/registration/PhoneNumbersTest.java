/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+49 170 1234567|+491701234567",
        "0049 (170) 123-4567|+491701234567",
        "  +1 650-253-0000 |+16502530000",
        "+44 20 7946 0958|+442079460958"})
    void internationalNumbersBecomeE164(String typed, String e164) {
        assertEquals(Optional.of(e164), PhoneNumbers.toE164(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "0170 1234567", "+49 170", "+999 123456789", "call me",
            "+4917012345678901234567890123456789012345"})
    void anythingElseIsRefused(String typed) {
        assertEquals(Optional.empty(), PhoneNumbers.toE164(typed));
    }
}
