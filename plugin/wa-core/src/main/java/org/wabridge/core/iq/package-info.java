/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * IQ exchanges as pure specs (style rule 5): each {@link org.wabridge.core.iq.IqSpec} builds the request node
 * for a given id and parses the result (or a typed {@link org.wabridge.core.iq.IqErrorException}); each spec
 * class also parses the request and builds the result, so the emulator answers with the same classes the
 * bridge asks with (whatsapp-protocol.md §2.8, §5.1–§5.3, §9.2). Conversions between wire keys (raw 32-byte
 * public keys, 3-byte big-endian ids, 4-byte registration ids) and the Signal port's value types live here.
 */
package org.wabridge.core.iq;
