/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A class loader over copies of the built plugin jar's {@code lib/*.jar}, with Openfire's loader as parent, like
 * the plugin's own loader but independent of it: the WhatsApp side of a test loaded through it (with
 * {@link PluginChildLoader}) keeps running while the plugin is unloaded and loaded again, whose loader Openfire
 * closes and whose directory it deletes.
 */
public final class DetachedPluginLibs {

    private DetachedPluginLibs() {
    }

    /** @param openfireLoader the parent of the plugin's class loader (Openfire's classes, slf4j, dom4j) */
    public static ClassLoader open(Path pluginJar, ClassLoader openfireLoader) {
        try {
            Path dir = Files.createTempDirectory("wa-detached-libs");
            List<URL> urls = new ArrayList<>();
            try (ZipFile zip = new ZipFile(pluginJar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    if (e.getName().startsWith("lib/") && e.getName().endsWith(".jar")) {
                        urls.add(copy(zip, e, dir));
                    }
                }
            }
            if (urls.isEmpty()) {
                throw new IllegalStateException("no lib/*.jar in " + pluginJar);
            }
            return new URLClassLoader(urls.toArray(new URL[0]), openfireLoader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL copy(ZipFile zip, ZipEntry entry, Path dir) throws IOException {
        Path target = dir.resolve(entry.getName().substring("lib/".length()));
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target);
        }
        target.toFile().deleteOnExit();
        try {
            return target.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
