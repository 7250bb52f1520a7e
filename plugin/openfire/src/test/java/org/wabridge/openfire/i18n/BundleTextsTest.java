/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Openfire formats every text with {@link java.text.MessageFormat}, where a lone apostrophe starts a quoted
 * section and disappears ("the user's own" would print "the users own"); apostrophes must be doubled. Both
 * languages have the same keys.
 */
class BundleTextsTest {

    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void noTextHasALoneApostropheAndBothLanguagesHaveTheSameKeys() {
        ResourceBundle english = TestBundles.bundle("whatsapp_i18n.properties");
        ResourceBundle german = TestBundles.bundle("whatsapp_i18n_de.properties");
        List<String> lone = new ArrayList<>();
        for (ResourceBundle bundle : List.of(english, german)) {
            for (String key : bundle.keySet()) {
                if (LONE_APOSTROPHE.matcher(bundle.getString(key)).find()) {
                    lone.add(key);
                }
            }
        }
        assertEquals(List.of(), lone, "texts with a lone apostrophe");
        assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(german.keySet()));
        assertTrue(Set.copyOf(english.keySet()).contains("whatsapp.registrations.session.none"));
    }
}
