/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0461: Message Replies (namespace {@code urn:xmpp:reply:0}): {@code <reply to='…' id='…'/>} marks a
 * message as a reply to the message {@code id} sent by {@code to}. Quoted text for older clients travels as
 * a fallback marked with XEP-0428. Mapped to WhatsApp quotes (ContextInfo).
 */
package org.wabridge.openfire.xep.xep0461;
