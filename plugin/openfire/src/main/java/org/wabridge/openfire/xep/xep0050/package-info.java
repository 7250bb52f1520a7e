/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0050 Ad-Hoc Commands on the gateway JID: the command list in service discovery, and execution of the
 * user commands of {@link org.wabridge.openfire.commands.UserCommand} with data forms (XEP-0004) for the
 * commands that need a phone number or a confirmation.
 */
package org.wabridge.openfire.xep.xep0050;
