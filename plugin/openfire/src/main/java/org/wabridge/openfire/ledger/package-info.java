/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The durable message ledger: one row per bridged message relating the XMPP stanza id to the WhatsApp message
 * id, with its direction, peer, delivery state and times. It makes delivery exactly-once towards the user
 * (a WhatsApp message id is routed once), lets corrections, retractions and markers find earlier messages
 * after a restart, and records why a send failed. {@link org.wabridge.openfire.ledger.MessageLedger} is the
 * store interface with an in-memory and a JDBC implementation; {@link org.wabridge.openfire.ledger.LedgerIdMap}
 * adapts it to the converters' {@link org.wabridge.openfire.id.MessageIdMap}.
 */
package org.wabridge.openfire.ledger;
