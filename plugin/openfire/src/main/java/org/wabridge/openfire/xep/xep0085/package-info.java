/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0085: Chat State Notifications (namespace {@code http://jabber.org/protocol/chatstates}): active,
 * composing, paused, inactive and gone. The gateway maps composing and paused to WhatsApp typing states.
 */
package org.wabridge.openfire.xep.xep0085;
