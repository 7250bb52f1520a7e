/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

/** The registration store failed (database unreachable, constraint broken). */
public final class RegistrationStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public RegistrationStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public RegistrationStoreException(String message) {
        super(message);
    }
}
