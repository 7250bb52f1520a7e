/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.i18n;

/**
 * Localized texts of the plugin, looked up by key in {@code i18n/whatsapp_i18n*.properties}. Admin views take
 * this interface so that they can be tested against the real bundle outside Openfire.
 */
@FunctionalInterface
public interface Messages {

    /**
     * @param key  a key of the plugin's bundle
     * @param args values for {@code {0}}, {@code {1}}, … placeholders
     * @return the localized text
     */
    String get(String key, Object... args);
}
