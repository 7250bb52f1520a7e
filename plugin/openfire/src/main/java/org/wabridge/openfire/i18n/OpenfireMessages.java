/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.i18n;

import java.util.Arrays;
import java.util.Locale;

import org.jivesoftware.util.JiveGlobals;
import org.jivesoftware.util.LocaleUtils;

/**
 * {@link Messages} backed by Openfire's {@link LocaleUtils}, which finds the bundle through the plugin's
 * class loader by canonical name. Plain servlets are not behind Openfire's LocaleFilter, so the locale is
 * chosen here: the request's, falling back to the server's.
 */
public final class OpenfireMessages implements Messages {

    /** Canonical plugin name: the jar is whatsapp.jar. */
    public static final String PLUGIN_NAME = "whatsapp";

    private final Locale locale;

    public OpenfireMessages(Locale requestLocale) {
        this.locale = requestLocale != null ? requestLocale : JiveGlobals.getLocale();
    }

    @Override
    public String get(String key, Object... args) {
        return LocaleUtils.getLocalizedString(key, PLUGIN_NAME, Arrays.asList(args), locale, true);
    }
}
