/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import org.wabridge.core.binary.Node;

/**
 * Handles one inbound node of a given tag. Runs on the connection's read loop, one node at a time and in wire
 * order, so it must not block: anything slow is handed to an executor.
 */
@FunctionalInterface
public interface NodeHandler {
    void handle(Node node) throws Exception;
}
