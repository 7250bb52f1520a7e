/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/** Tests of the plugin's database install scripts against real databases. */
package org.wabridge.openfire.database;
