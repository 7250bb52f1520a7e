/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

/**
 * The registration store failed (database unreachable, constraint broken). {@link #phoneTaken()} tells the
 * one constraint the user can act on apart: another user holds the number.
 */
public final class RegistrationStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean phoneTaken;

    public RegistrationStoreException(String message, Throwable cause) {
        this(message, false, cause);
    }

    public RegistrationStoreException(String message) {
        this(message, false, null);
    }

    private RegistrationStoreException(String message, boolean phoneTaken, Throwable cause) {
        super(message, cause);
        this.phoneTaken = phoneTaken;
    }

    /** @return the failure of a save whose number another user holds (possibly only since the caller checked) */
    public static RegistrationStoreException phoneTaken(String message, Throwable cause) {
        return new RegistrationStoreException(message, true, cause);
    }

    /** @return true if the save failed because another user holds the number */
    public boolean phoneTaken() {
        return phoneTaken;
    }
}
