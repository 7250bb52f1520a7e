/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names every thread the plugin starts {@code whatsapp-<purpose>-<n>} so administrators can tell them apart
 * in thread dumps and the tests can prove that none survives an unload.
 */
public final class NamedThreadFactory implements ThreadFactory {

    /** Prefix of every plugin thread name. */
    public static final String PREFIX = "whatsapp-";

    private final String purpose;
    private final AtomicInteger counter = new AtomicInteger();

    public NamedThreadFactory(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("thread purpose must not be blank");
        }
        this.purpose = purpose;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, PREFIX + purpose + "-" + counter.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
