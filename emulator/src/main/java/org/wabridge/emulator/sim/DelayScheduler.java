/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.sim;

import java.time.Duration;

/**
 * Runs behaviour tasks later (the delayed reader's receipts). Injected so tests can run the tasks when they
 * choose instead of waiting for wall-clock time.
 */
@FunctionalInterface
public interface DelayScheduler {
    void schedule(Duration delay, Runnable task);
}
