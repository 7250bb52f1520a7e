/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0184: Message Delivery Receipts (namespace {@code urn:xmpp:receipts}, version 1.4): a sender asks with
 * {@code <request/>}, the recipient's client answers with {@code <received id='…'/>} naming the message.
 * The gateway maps these to and from WhatsApp delivery receipts.
 */
package org.wabridge.openfire.xep.xep0184;
