/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0191 Blocking Command, as far as it concerns WhatsApp contacts: the gateway watches the blocking commands a
 * user's client sends to the user's own account and applies those naming {@code +<number>@<gateway>} to the
 * gateway's block list. The server keeps handling the command itself (Openfire 4.3+ stores it; 4.2 has no
 * XEP-0191 and answers with an error, but the gateway still honours the user's intent for WhatsApp contacts).
 */
package org.wabridge.openfire.xep.xep0191;
