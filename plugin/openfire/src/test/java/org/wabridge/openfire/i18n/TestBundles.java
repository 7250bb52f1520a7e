/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.i18n;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/** The plugin's real i18n bundles read from {@code i18n/} in tests; a missing key throws. */
public final class TestBundles {

    private TestBundles() {
    }

    public static ResourceBundle bundle(String file) {
        Path path = Path.of(System.getProperty("wabridge.i18n.dir", "../../i18n")).resolve(file);
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
            return new PropertyResourceBundle(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path.toAbsolutePath(), e);
        }
    }

    /** @return {@link Messages} over the English bundle */
    public static Messages english() {
        ResourceBundle english = bundle("whatsapp_i18n.properties");
        return (key, args) -> new MessageFormat(english.getString(key), Locale.ENGLISH).format(args);
    }
}
