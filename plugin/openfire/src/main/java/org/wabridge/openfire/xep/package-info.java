/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XMPP extension elements the gateway reads and writes, one sub-package per XEP. Each element class is
 * immutable, names its {@code NAMESPACE} and {@code ELEMENT}, parses itself from an
 * {@link org.xmpp.packet.Message} and serializes to a dom4j element; nothing here routes or stores anything.
 */
package org.wabridge.openfire.xep;
