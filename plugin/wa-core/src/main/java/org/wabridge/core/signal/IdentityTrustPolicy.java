/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

/** What the port does when a peer device presents an identity key different from the stored one. */
public enum IdentityTrustPolicy {
    /**
     * Trust on first use; on a change store the new key, carry on and report an {@link IdentityChange}. This is
     * how WhatsApp's own clients behave (a "security code changed" notice, no blocking).
     */
    ACCEPT_AND_REPORT,
    /** Trust on first use; on a change refuse with {@link UntrustedIdentityException} until the key is re-trusted. */
    REJECT_CHANGES
}
