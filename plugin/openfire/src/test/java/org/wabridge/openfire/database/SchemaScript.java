/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a plugin schema script into statements the way Openfire's SchemaManager does (4.2.0 and 5.x): lines
 * that are blank or start with a comment marker are skipped, and a statement ends at a line ending in ';'.
 */
public final class SchemaScript {

    /** The schema version of the install scripts, as in plugin.xml's databaseVersion. */
    public static final int CURRENT_VERSION = 2;

    private static final String[] COMMENT_MARKERS = {"//", "--", "#", "REM", "/*", "*"};

    private SchemaScript() {
    }

    public static Path file(String databaseType) {
        return Path.of(System.getProperty("wabridge.database.dir", "src/main/database"))
                .resolve("whatsapp_" + databaseType + ".sql");
    }

    /** The upgrade script that brings a database from {@code version - 1} to {@code version}. */
    public static Path upgrade(int version, String databaseType) {
        return Path.of(System.getProperty("wabridge.database.dir", "src/main/database")).resolve("upgrade")
                .resolve(Integer.toString(version)).resolve("whatsapp_" + databaseType + ".sql");
    }

    /** The install script as released with schema version 1, kept frozen as a test resource. */
    public static Path versionOne(String databaseType) {
        return Path.of("src/test/resources/database/v1").resolve("whatsapp_" + databaseType + ".sql");
    }

    public static List<String> statements(Path script) throws IOException {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(script, StandardCharsets.UTF_8)) {
            String line = raw.trim();
            if (!line.isEmpty() && !isComment(line)) {
                current.append(' ').append(line);
            }
            if (line.endsWith(";")) {
                String statement = current.toString().trim();
                if (!statement.isEmpty()) {
                    // Openfire keeps the semicolon except on Oracle/DB2; drivers accept it, tests strip it
                    statements.add(statement.substring(0, statement.length() - 1).trim());
                }
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException(script + ": text after the last ';' would be ignored by Openfire: "
                    + current);
        }
        return statements;
    }

    private static boolean isComment(String line) {
        for (String marker : COMMENT_MARKERS) {
            if (line.startsWith(marker)) {
                return true;
            }
        }
        return false;
    }
}
