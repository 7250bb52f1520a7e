/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Build gate for Openfire 5.x compatibility: an ASM scan of the plugin's compiled classes against the checked-in
 * list of Openfire members that break on 5.x (openfire-platform.md §4).
 */
package org.wabridge.openfire.portability;
