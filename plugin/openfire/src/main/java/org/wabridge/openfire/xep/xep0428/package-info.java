/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0428: Fallback Indication, version 0.2 (namespace {@code urn:xmpp:fallback:0}):
 * {@code <fallback for='ns'><body start='…' end='…'/></fallback>} marks the part of the body that only
 * exists for clients not supporting {@code ns}. Offsets count Unicode code points; a {@code <body/>} without
 * offsets marks the whole body.
 */
package org.wabridge.openfire.xep.xep0428;
