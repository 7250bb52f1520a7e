/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0308: Last Message Correction (namespace {@code urn:xmpp:message-correct:0}): a message with
 * {@code <replace id='…'/>} replaces the body of the earlier message with that id. Mapped to WhatsApp edits.
 */
package org.wabridge.openfire.xep.xep0308;
