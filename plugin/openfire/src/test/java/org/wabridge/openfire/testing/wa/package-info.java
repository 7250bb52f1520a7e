/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The WhatsApp side of the end-to-end tests: an in-process emulator and simulated WhatsApp users on real
 * engines. Loaded by {@code PluginChildLoader} next to the plugin's classes, driven through
 * {@code WhatsAppSideControl}.
 */
package org.wabridge.openfire.testing.wa;
