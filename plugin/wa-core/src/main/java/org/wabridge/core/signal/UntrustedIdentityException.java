/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

/** A peer device presents an identity key that {@link IdentityTrustPolicy#REJECT_CHANGES} does not trust. Nothing was stored. */
public final class UntrustedIdentityException extends SignalException {

    private static final long serialVersionUID = 1L;

    public UntrustedIdentityException(SignalAddress address, String message, Throwable cause) {
        super(address, message, cause);
    }

    public UntrustedIdentityException(SignalAddress address, String message) {
        super(address, message, null);
    }
}
