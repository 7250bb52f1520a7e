/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.wabridge.openfire.WhatsAppPlugin;
import org.wabridge.openfire.portability.fixture.UsesApisBrokenOnOpenfire5;

/**
 * Build gate for Openfire 5.x compatibility (openfire-platform.md §4): the plugin's compiled classes must not
 * reference any member listed in {@code portability/forbidden-on-openfire-5.txt}.
 */
class PortabilityGuardTest {

    private final List<ForbiddenApiList.Entry> entries = loadEntries();
    private final ReferenceScanner scanner = new ReferenceScanner(entries, getClass().getClassLoader());

    @Test
    void pluginClassesReferenceNothingThatBreaksOnOpenfire5() throws Exception {
        // Given the plugin's compiled main classes (target/classes)
        Path classes = Path.of(WhatsAppPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isRegularFile(classes.resolve("org/wabridge/openfire/WhatsAppPlugin.class")),
                "expected the main class directory, got " + classes);

        // When scanned, then nothing is forbidden
        assertEquals(List.of(), scanner.scanDirectory(classes).stream().map(Object::toString).toList());
    }

    @Test
    void scannerCatchesEveryKindOfForbiddenReferenceInTheFixture() throws Exception {
        // Given a test-only class that uses APIs broken on 5.x in six different ways
        List<ReferenceScanner.Violation> found;
        try (InputStream in = UsesApisBrokenOnOpenfire5.class
                .getResourceAsStream(UsesApisBrokenOnOpenfire5.class.getSimpleName() + ".class")) {
            found = scanner.scanClass(in);
        }

        // Then each is reported against the right list entry
        Set<String> hits = found.stream().map(v -> v.where() + " -> " + v.entry().display())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(Set.of(
                "class header -> org.jivesoftware.openfire.OfflineMessageListener",
                "method home -> org.jivesoftware.util.JiveGlobals#getHomeDirectory",
                "method plugin -> org.jivesoftware.openfire.container.PluginManager#getPlugin",
                "method status -> org.jivesoftware.openfire.session.Session#getStatus",
                "method jetty -> org.eclipse.jetty.*",
                "method schedule -> org.jivesoftware.util.TaskEngine#schedule",
                "method registered -> org.jivesoftware.openfire.user.UserManager#isRegisteredUser"));
        assertEquals(expected, hits);
    }

    @Test
    void listCoversTheMembersNamedInThePlatformNotes() {
        Set<String> listed = entries.stream().map(ForbiddenApiList.Entry::display).collect(Collectors.toSet());
        for (String required : List.of(
                "org.jivesoftware.openfire.OfflineMessageStore#addMessage",
                "org.jivesoftware.openfire.OfflineMessageListener",
                "org.jivesoftware.util.JiveGlobals#getHomeDirectory",
                "org.jivesoftware.openfire.container.PluginManager#getPlugin",
                "org.jivesoftware.util.TaskEngine#schedule",
                "org.jivesoftware.openfire.user.UserManager#isRegisteredUser",
                "org.eclipse.jetty.*",
                "org.jivesoftware.util.cache.CacheFactory#getLock",
                "org.jivesoftware.openfire.session.Session#getStatus",
                "org.jivesoftware.openfire.http.HttpBindManager#getHttpBindUnsecurePort",
                "org.jivesoftware.util.JiveGlobals#setXMLProperty")) {
            assertTrue(listed.contains(required), "missing from the list: " + required);
        }
    }

    @Test
    void listOwnersExistInOpenfire420SoNoEntryIsATypo() {
        for (ForbiddenApiList.Entry entry : entries) {
            if (entry.kind() == ForbiddenApiList.Kind.PACKAGE) {
                continue;
            }
            String owner = entry.owner().replace('/', '.');
            Class<?> type = assertLoads(owner, entry);
            if (entry.kind() == ForbiddenApiList.Kind.METHOD) {
                boolean declared = java.util.Arrays.stream(type.getMethods())
                        .anyMatch(m -> m.getName().equals(entry.member()));
                assertTrue(declared, "line " + entry.line() + ": " + entry.display() + " does not exist in 4.2.0");
            }
        }
    }

    @Test
    void entriesWithoutAReasonAreRejected() {
        String uncommented = "method org.jivesoftware.util.JiveGlobals#getHomeDirectory\n";
        assertThrows(IllegalArgumentException.class,
                () -> ForbiddenApiList.parse(new BufferedReader(new StringReader(uncommented))));
    }

    private static Class<?> assertLoads(String owner, ForbiddenApiList.Entry entry) {
        try {
            return Class.forName(owner, false, PortabilityGuardTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("line " + entry.line() + ": " + owner + " is not in xmppserver 4.2.0", e);
        }
    }

    private static List<ForbiddenApiList.Entry> loadEntries() {
        try {
            return ForbiddenApiList.load();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
