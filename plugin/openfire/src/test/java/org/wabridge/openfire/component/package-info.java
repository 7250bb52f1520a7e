/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/** Tests of the component's IQ handlers and of the mapping of typed errors to XMPP errors. */
package org.wabridge.openfire.component;
