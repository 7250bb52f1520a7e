/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0424: Message Retraction, version 0.4 (namespace {@code urn:xmpp:message-retract:1}): a message with
 * {@code <retract id='…'/>} asks recipients to remove the message whose origin id (XEP-0359) or, for 1:1
 * chats, stanza id attribute is {@code id}. Mapped to WhatsApp revokes ("delete for everyone").
 */
package org.wabridge.openfire.xep.xep0424;
