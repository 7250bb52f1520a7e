/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The post-login bootstrap of a session (whatsapp-protocol.md §5.1–§5.3): after {@code <success>} the engine
 * marks itself active, checks the server's one-time prekey count, uploads or refills prekeys and rotates the
 * signed prekey as {@link org.wabridge.core.signal.PreKeyPolicy} decides, then fetches the account's own device
 * list. {@link org.wabridge.core.client.bootstrap.LoginBootstrap} only orchestrates IQs over an
 * {@link org.wabridge.core.client.bootstrap.IqChannel}, so it is tested without sockets as well as against the
 * emulator.
 */
package org.wabridge.core.client.bootstrap;
