/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.portability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The checked-in list of Openfire members that break on 5.x ({@code portability/forbidden-on-openfire-5.txt}).
 * Parsing is strict: an unknown kind, a malformed target or an entry without a preceding comment is an error,
 * so the list cannot silently lose entries or reasons.
 */
final class ForbiddenApiList {

    static final String RESOURCE = "/portability/forbidden-on-openfire-5.txt";

    /** What a forbidden entry matches. */
    enum Kind { METHOD, TYPE, PACKAGE }

    /**
     * One entry. Names use the JVM's internal form ({@code org/jivesoftware/...}).
     *
     * @param kind   what it matches
     * @param owner  class (METHOD, TYPE) or package prefix (PACKAGE), internal form
     * @param member method name for METHOD, else empty
     * @param reason the comment lines above the entry
     * @param line   line number in the file
     */
    record Entry(Kind kind, String owner, String member, String reason, int line) {
        String display() {
            return switch (kind) {
                case METHOD -> owner.replace('/', '.') + "#" + member;
                case TYPE -> owner.replace('/', '.');
                case PACKAGE -> owner.replace('/', '.') + "*";
            };
        }
    }

    private ForbiddenApiList() {
    }

    static List<Entry> load() throws IOException {
        try (InputStream in = ForbiddenApiList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing test resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        }
    }

    static List<Entry> parse(BufferedReader reader) throws IOException {
        List<Entry> entries = new ArrayList<>();
        StringBuilder comment = new StringBuilder();
        String raw;
        int number = 0;
        while ((raw = reader.readLine()) != null) {
            number++;
            String line = raw.trim();
            if (line.isEmpty()) {
                comment.setLength(0);
            } else if (line.startsWith("#")) {
                comment.append(comment.length() == 0 ? "" : " ").append(line.substring(1).trim());
            } else {
                entries.add(entry(line, comment.toString(), number));
                comment.setLength(0);
            }
        }
        return entries;
    }

    private static Entry entry(String line, String reason, int number) {
        String[] parts = line.split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("line " + number + ": expected '<kind> <target>': " + line);
        }
        if (reason.isEmpty()) {
            throw new IllegalArgumentException("line " + number + ": entry without a comment saying why: " + line);
        }
        String target = parts[1];
        return switch (parts[0]) {
            case "method" -> {
                int hash = target.indexOf('#');
                if (hash <= 0 || hash == target.length() - 1) {
                    throw new IllegalArgumentException("line " + number + ": expected Owner#member: " + target);
                }
                yield new Entry(Kind.METHOD, internal(target.substring(0, hash)), target.substring(hash + 1), reason,
                        number);
            }
            case "type" -> new Entry(Kind.TYPE, internal(target), "", reason, number);
            case "package" -> {
                if (!target.endsWith(".")) {
                    throw new IllegalArgumentException("line " + number + ": package prefix must end with '.'");
                }
                yield new Entry(Kind.PACKAGE, internal(target), "", reason, number);
            }
            default -> throw new IllegalArgumentException("line " + number + ": unknown kind " + parts[0]);
        };
    }

    private static String internal(String dotted) {
        return dotted.replace('.', '/');
    }
}
