/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0092: Software Version (namespace {@code jabber:iq:version}): name and version of the gateway. The
 * optional operating system is left out on purpose (it tells attackers more than users).
 */
package org.wabridge.openfire.xep.xep0092;
