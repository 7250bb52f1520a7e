/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0077: In-Band Registration (namespace {@code jabber:iq:register}) with an XEP-0004 data form, as a
 * gateway uses it (XEP-0100 §4.1): the form the user fills in, the submission, and {@code <remove/>}.
 */
package org.wabridge.openfire.xep.xep0077;
