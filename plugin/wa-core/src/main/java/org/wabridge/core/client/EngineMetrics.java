/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

/**
 * A snapshot of one engine's bounded queues and caches, for the admin page and monitoring.
 *
 * @param pendingSends    stanzas sent and waiting for the server's ack
 * @param pendingHandoffs received messages decrypted but not yet confirmed by the gateway
 * @param deviceCacheSize users whose device list is cached
 * @param queuedTasks     tasks waiting on the engine's serial queue
 * @param recentSent      sent messages kept for retry receipts
 */
public record EngineMetrics(int pendingSends, int pendingHandoffs, int deviceCacheSize, int queuedTasks,
                            int recentSent) {
}
