/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/** Tests of message routing between XMPP and WhatsApp against the scripted engine double. */
package org.wabridge.openfire.routing;
