/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The gateway's per-user block list of WhatsApp numbers: a store (memory or the plugin's {@code ofWaBlock}
 * table) and {@link org.wabridge.openfire.blocking.BlockList}, which records a block first and then tells
 * WhatsApp through {@link org.wabridge.openfire.commands.AccountControl}, so a block survives restarts and
 * sessions that are down.
 */
package org.wabridge.openfire.blocking;
