/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The version-3 token dictionaries (§3.3): one single-byte dictionary (index 0 is the unused empty string) and
 * four double-byte dictionaries. Loaded once from the {@code tokens-v3.tsv} resource; see TOKENS-NOTICE.md there
 * for provenance. Lookups work both ways and never allocate.
 */
public final class TokenDictionary {
    /** The dictionary version sent as the 4th byte of the connection header ({@code WA 06 03}). */
    public static final int VERSION = 3;
    public static final int DOUBLE_BYTE_DICTIONARIES = 4;
    private static final String RESOURCE = "tokens-v3.tsv";

    private static final TokenDictionary INSTANCE = load();

    private final String[] single;
    private final String[][] doubles;
    /** token → index for single-byte tokens; token → (dictionary << 8 | index) for double-byte ones. */
    private final Map<String, Integer> singleIndex;
    private final Map<String, Integer> doubleIndex;

    private TokenDictionary(String[] single, String[][] doubles) {
        this.single = single;
        this.doubles = doubles;
        this.singleIndex = new HashMap<>(single.length * 2);
        for (int i = 1; i < single.length; i++) {
            singleIndex.putIfAbsent(single[i], i);
        }
        this.doubleIndex = new HashMap<>(2048);
        for (int d = 0; d < doubles.length; d++) {
            for (int i = 0; i < doubles[d].length; i++) {
                if (!singleIndex.containsKey(doubles[d][i])) {
                    doubleIndex.putIfAbsent(doubles[d][i], d << 8 | i);
                }
            }
        }
    }

    public static TokenDictionary v3() {
        return INSTANCE;
    }

    /** Number of single-byte entries, including the unused index 0. */
    public int singleByteSize() {
        return single.length;
    }

    public int doubleByteSize(int dictionary) {
        return doubles[dictionary].length;
    }

    /** The single-byte token at {@code index} (1..size-1), or null when there is none. */
    public String singleByte(int index) {
        return index >= 1 && index < single.length ? single[index] : null;
    }

    /** The double-byte token, or null when there is none. */
    public String doubleByte(int dictionary, int index) {
        if (dictionary < 0 || dictionary >= doubles.length || index < 0 || index >= doubles[dictionary].length) {
            return null;
        }
        return doubles[dictionary][index];
    }

    /** The single-byte index of {@code token}, or -1. The empty string has none. */
    public int indexOfSingleByte(String token) {
        Integer index = singleIndex.get(token);
        return index == null ? -1 : index;
    }

    /** {@code dictionary << 8 | index} of a double-byte token, or -1. */
    public int indexOfDoubleByte(String token) {
        Integer index = doubleIndex.get(token);
        return index == null ? -1 : index;
    }

    private static TokenDictionary load() {
        String[] single = new String[256];
        String[][] doubles = new String[DOUBLE_BYTE_DICTIONARIES][256];
        int singleCount = 0;
        int[] doubleCount = new int[DOUBLE_BYTE_DICTIONARIES];
        try (InputStream in = TokenDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("token resource missing: " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 3) {
                    throw new IllegalStateException("bad token line: " + line);
                }
                int index = Integer.parseInt(fields[1]);
                if (fields[0].equals("s")) {
                    if (index != singleCount) {
                        throw new IllegalStateException("single-byte tokens out of order at " + index);
                    }
                    single[singleCount++] = fields[2];
                } else {
                    int d = Integer.parseInt(fields[0].substring(1));
                    if (!fields[0].startsWith("d") || index != doubleCount[d]) {
                        throw new IllegalStateException("double-byte tokens out of order: " + line);
                    }
                    doubles[d][doubleCount[d]++] = fields[2];
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String[][] trimmed = new String[DOUBLE_BYTE_DICTIONARIES][];
        for (int d = 0; d < DOUBLE_BYTE_DICTIONARIES; d++) {
            trimmed[d] = Arrays.copyOf(doubles[d], doubleCount[d]);
        }
        return new TokenDictionary(Arrays.copyOf(single, singleCount), trimmed);
    }
}
