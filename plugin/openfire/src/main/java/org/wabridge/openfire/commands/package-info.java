/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Self-service commands a user runs against the gateway (status, reconnect, add contact, block, unblock,
 * unregister), independent of how they arrive: as XEP-0050 ad-hoc commands ({@code xep.xep0050}) or as words in
 * a chat message to the gateway ({@link org.wabridge.openfire.commands.ChatCommands}). The WhatsApp side is
 * reached only through {@link org.wabridge.openfire.commands.AccountControl}, which the session layer implements.
 */
package org.wabridge.openfire.commands;
