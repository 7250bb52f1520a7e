/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Roster writes for WhatsApp contacts through Openfire's roster API (portable between 4.2 and 5.x):
 * {@link org.wabridge.openfire.roster.RosterWriter} is the port the gateway uses,
 * {@link org.wabridge.openfire.roster.OpenfireRosterWriter} the one adapter that touches Openfire's classes.
 */
package org.wabridge.openfire.roster;
