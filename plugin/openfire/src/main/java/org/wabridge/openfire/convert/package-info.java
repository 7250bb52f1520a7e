/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Pure converters between XMPP message stanzas and the core message model, named by direction:
 * {@code ToWhatsApp*} read what an XMPP client sent and produce {@link org.wabridge.core.message.WaPayload}s;
 * {@code FromWhatsApp*} turn WhatsApp content into {@link org.xmpp.packet.Message}s. They do no I/O apart from
 * the id lookups of a {@link org.wabridge.openfire.id.MessageIdMap}; bad input is a
 * {@link org.wabridge.openfire.convert.ConversionException}, mapped to an XMPP error only by the component.
 */
package org.wabridge.openfire.convert;
