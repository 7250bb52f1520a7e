/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Openfire plugin entry point and wiring: {@link org.wabridge.openfire.WhatsAppPlugin} registers the parts
 * of the gateway with Openfire and removes them again on unload, {@link org.wabridge.openfire.WhatsAppSettings}
 * declares every {@code plugin.whatsapp.*} property, and {@link org.wabridge.openfire.PluginStatus} is what
 * the admin status page reports.
 */
package org.wabridge.openfire;
