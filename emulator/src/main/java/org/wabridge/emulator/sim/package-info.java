/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Simulated WhatsApp users (whatsapp-protocol.md §9.3): each is one phone number whose devices are real
 * {@link org.wabridge.core.client.WaEngine}s with consumer credentials and in-memory Signal stores, logged in
 * to this emulator over loopback sockets. They keep an inbox of what they received (decrypted and typed),
 * send every message kind including media uploaded to the emulator's media host, and can run simple scripted
 * behaviours (echo bot, delayed reader, offline user). {@link org.wabridge.emulator.sim.SimulatedUsers} is the
 * registry the emulator owns; {@link org.wabridge.emulator.sim.SimControl} is its face on the HTTP control API.
 */
package org.wabridge.emulator.sim;
