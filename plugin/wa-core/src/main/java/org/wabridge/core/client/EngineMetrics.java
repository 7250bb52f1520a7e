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
 * @param inboundBacklog  received stanzas queued for the serial queue and not yet processed (bounded by
 *                        {@link EngineSettings#maxPendingHandoffs()})
 * @param peakQueuedTasks the longest the serial queue has been since the engine was built
 * @param inboundOverflows connections ended because the inbound backlog hit its bound (the server redelivers
 *                        what was not acked on the next connection)
 * @param rejectedCalls   gateway calls answered {@code RATE_LIMITED} because the serial queue was full
 */
public record EngineMetrics(int pendingSends, int pendingHandoffs, int deviceCacheSize, int queuedTasks,
                            int recentSent, int inboundBacklog, int peakQueuedTasks, long inboundOverflows,
                            long rejectedCalls) {
}
