/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0100: Gateway Interaction, jabber:iq:gateway (XEP-0100 §6.3): the prompt a client shows to turn a
 * legacy address (here a phone number) into the contact's JID at the gateway.
 */
package org.wabridge.openfire.xep.xep0100;
