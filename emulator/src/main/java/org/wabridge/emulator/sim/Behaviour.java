/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.sim;

import java.util.Locale;

/** What a simulated user does on its own, besides answering handoffs and sending delivery receipts. */
public enum Behaviour {
    /** Nothing: the test or the control API drives it. */
    NONE,
    /** Answers every text message from someone else with the same text. */
    ECHO,
    /** Sends a read receipt for every message from someone else after the spec's read delay. */
    READER,
    /** Starts disconnected (after one login that publishes its keys); messages wait in the emulator's queue. */
    OFFLINE;

    /** Parses {@code none|echo|reader|offline} (any case). */
    public static Behaviour parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown behaviour '" + text + "' (none, echo, reader, offline)", e);
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
