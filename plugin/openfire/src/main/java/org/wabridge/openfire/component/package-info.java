/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The gateway's XMPP component: the Tinder {@code AbstractComponent} that Openfire routes every stanza for
 * {@code whatsapp.<domain>} to, and the handle of its registration with Openfire's component manager.
 */
package org.wabridge.openfire.component;
