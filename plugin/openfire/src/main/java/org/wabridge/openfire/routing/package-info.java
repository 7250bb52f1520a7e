/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Message routing between XMPP and WhatsApp. {@link org.wabridge.openfire.routing.OutboundRouter} takes a
 * user's stanza to a contact, converts it, sends it through the user's account and records it in the ledger;
 * a refusal comes back as an XMPP error with a readable text ({@link org.wabridge.openfire.routing.MessageErrors},
 * the one place where send failures become XMPP errors). {@link org.wabridge.openfire.routing.InboundRouter}
 * takes the engine's events, deduplicates by WhatsApp id in the ledger, converts and routes them into Openfire
 * (live session or offline storage) and only then confirms the engine's handoff.
 * {@link org.wabridge.openfire.routing.FirstContactGate} handles first contact (notice, roster, quarantine).
 * {@link org.wabridge.openfire.routing.XmppDelivery} is the port to Openfire's router.
 */
package org.wabridge.openfire.routing;
