/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0359: Unique and Stable Stanza IDs (namespace {@code urn:xmpp:sid:0}): {@code <origin-id id='…'/>} set
 * by the sender, {@code <stanza-id id='…' by='…'/>} set by the entity that assigned it. The gateway stamps
 * both on messages from WhatsApp (origin id = the WhatsApp message id; by = the gateway's own JID).
 */
package org.wabridge.openfire.xep.xep0359;
