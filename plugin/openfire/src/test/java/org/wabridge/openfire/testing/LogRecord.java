/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing;

/**
 * One captured log event.
 *
 * @param sequence position in the capture, counted from JVM start
 * @param level    log4j level name (ERROR, WARN, INFO, DEBUG, …)
 * @param logger   logger name
 * @param message  rendered message
 * @param thrown   {@code toString()} of the attached throwable, or empty
 * @param thread   name of the logging thread
 */
public record LogRecord(int sequence, String level, String logger, String message, String thrown, String thread) {

    public boolean isError() {
        return "ERROR".equals(level) || "FATAL".equals(level);
    }

    @Override
    public String toString() {
        return level + " [" + thread + "] " + logger + " - " + message + (thrown.isEmpty() ? "" : " / " + thrown);
    }
}
