/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.dom4j.Element;
import org.dom4j.io.SAXReader;
import org.wabridge.openfire.testing.OpenfireServer;

/** The built whatsapp.jar has Openfire's plugin layout, a loadable descriptor and stays under 60 MB. */
class PluginJarLayoutIT {

    private static final long MAX_SIZE = 60L * 1024 * 1024;

    private final Path jar = OpenfireServer.builtPluginJar();

    @Test
    void hasEveryPartOfOpenfiresPluginLayout() throws IOException {
        Set<String> entries = entries();
        for (String required : List.of("plugin.xml", "readme.html", "changelog.html", "logo_small.png",
                "logo_large.png", "i18n/whatsapp_i18n.properties", "i18n/whatsapp_i18n_de.properties",
                "database/whatsapp_hsqldb.sql", "database/whatsapp_postgresql.sql", "database/whatsapp_mysql.sql",
                "database/whatsapp_mariadb.sql", "web/WEB-INF/web-custom.xml", "web/css/whatsapp-admin.css",
                "lib/openfire-plugin-0.1.0.jar", "lib/wa-core-0.1.0.jar", "lib/wa-signal-0.1.0.jar",
                "lib/libsignal-client-0.68.1.jar", "lib/protobuf-java-3.25.5.jar", "lib/noise-java-0.1.1.jar")) {
            assertTrue(entries.contains(required), "missing " + required + " in " + entries);
        }
    }

    @Test
    void bundlesNothingOpenfireShipsAndNoKotlin() throws IOException {
        List<String> libs = entries().stream().filter(e -> e.startsWith("lib/")).collect(Collectors.toList());
        for (String lib : libs) {
            for (String shipped : List.of("slf4j", "log4j", "dom4j", "jetty", "netty", "bcprov", "guava",
                    "xmppserver", "tinder", "servlet", "kotlin")) {
                assertFalse(lib.contains(shipped), lib + " must not be bundled");
            }
        }
    }

    @Test
    void staysUnder60MegabytesWithoutLibsignalTestingNatives() throws IOException {
        long size = Files.size(jar);
        System.out.println("[size] whatsapp.jar = " + size + " bytes");
        assertTrue(size < MAX_SIZE, "whatsapp.jar is " + size + " bytes");
        try (JarFile outer = new JarFile(jar.toFile());
             InputStream in = outer.getInputStream(outer.getJarEntry("lib/libsignal-client-0.68.1.jar"));
             JarInputStream libsignal = new JarInputStream(in)) {
            Set<String> natives = new TreeSet<>();
            JarEntry entry;
            while ((entry = libsignal.getNextJarEntry()) != null) {
                if (!entry.getName().endsWith(".class") && !entry.isDirectory()) {
                    natives.add(entry.getName());
                }
            }
            assertTrue(natives.contains("libsignal_jni_amd64.so"), natives.toString());
            assertTrue(natives.stream().noneMatch(n -> n.contains("_testing")), natives.toString());
        }
    }

    @Test
    void descriptorIsLiteralOrFilteredOutsideTheAdminConsoleAndDeclaresTheSchema() throws Exception {
        // read with dom4j, as Openfire reads it
        Element plugin;
        try (JarFile file = new JarFile(jar.toFile());
             InputStream in = file.getInputStream(file.getJarEntry("plugin.xml"))) {
            plugin = new SAXReader().read(in).getRootElement();
        }
        assertEquals("org.wabridge.openfire.WhatsAppPlugin", text(plugin, "class"));
        assertEquals("WhatsApp", text(plugin, "name"));
        assertFalse(text(plugin, "description").contains("${"), "an i18n key in <description> breaks 5.x");
        assertTrue(text(plugin, "version").matches("\\d+\\.\\d+\\.\\d+"), text(plugin, "version"));
        assertEquals("17", text(plugin, "minJavaVersion"));
        assertEquals("whatsapp", text(plugin, "databaseKey"));
        assertEquals("2", text(plugin, "databaseVersion"));
    }

    private static String text(Element plugin, String element) {
        return plugin.elementTextTrim(element);
    }

    private Set<String> entries() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(JarEntry::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
