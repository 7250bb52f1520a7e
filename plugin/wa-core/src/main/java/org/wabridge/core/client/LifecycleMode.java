/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

/**
 * When a user's WhatsApp session exists (whatsapp-protocol.md §1.5, Reference Offer 7.6.2.3).
 */
public enum LifecycleMode {
    /**
     * Default: the session is open only while the user has at least one XMPP client online and closes
     * within a second after the last one leaves; WhatsApp keeps offline messages meanwhile (§5.11).
     */
    FOLLOW_CLIENT,
    /** Private deployments only: the session stays open regardless of XMPP presence (not RO-compliant). */
    ALWAYS_ON
}
