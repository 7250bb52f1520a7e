/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.spi.LoggingEvent;

/**
 * log4j 1.2 appender (Openfire 4.2.0's logging back end) that keeps every event in memory, so tests can
 * assert on what the server and the plugin logged. Configured in {@code log4j.properties}.
 */
public final class CapturingAppender extends AppenderSkeleton {

    private static final List<LogRecord> EVENTS = new CopyOnWriteArrayList<>();

    @Override
    protected void append(LoggingEvent event) {
        String thrown = event.getThrowableInformation() == null ? ""
                : String.valueOf(event.getThrowableInformation().getThrowable());
        EVENTS.add(new LogRecord(EVENTS.size(), event.getLevel().toString(), event.getLoggerName(),
                event.getRenderedMessage(), thrown, event.getThreadName()));
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public boolean requiresLayout() {
        return false;
    }

    /** @return a position to pass to {@link #since(int)} */
    public static int mark() {
        return EVENTS.size();
    }

    /** @return the events logged since the mark, oldest first */
    public static List<LogRecord> since(int mark) {
        return List.copyOf(EVENTS.subList(Math.min(mark, EVENTS.size()), EVENTS.size()));
    }
}
