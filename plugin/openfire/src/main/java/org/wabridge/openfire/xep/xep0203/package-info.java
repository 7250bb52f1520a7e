/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0203: Delayed Delivery (namespace {@code urn:xmpp:delay}): {@code <delay stamp='…' from='…'/>} says
 * when a message was originally sent, with the XEP-0082 DateTime profile in UTC. The gateway adds it to
 * WhatsApp messages that waited in WhatsApp's queue.
 */
package org.wabridge.openfire.xep.xep0203;
