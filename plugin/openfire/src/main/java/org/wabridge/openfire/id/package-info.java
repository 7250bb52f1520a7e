/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Identifier translation between WhatsApp and XMPP: {@link org.wabridge.openfire.id.JidMapper} is the only
 * place where WhatsApp addresses become XMPP JIDs and back, and {@link org.wabridge.openfire.id.MessageIdMap}
 * relates XMPP message ids to WhatsApp message references.
 */
package org.wabridge.openfire.id;
