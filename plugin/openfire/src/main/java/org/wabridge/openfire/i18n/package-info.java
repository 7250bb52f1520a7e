/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Access to the plugin's i18n bundle ({@code i18n/whatsapp_i18n*.properties}): an interface for views and
 * its Openfire-backed implementation.
 */
package org.wabridge.openfire.i18n;
