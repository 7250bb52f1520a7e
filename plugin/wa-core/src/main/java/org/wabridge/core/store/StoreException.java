/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

/**
 * A store could not read or write (database down, constraint violated, id space exhausted). Unchecked because
 * libsignal calls our stores through interfaces that declare no checked exceptions; when it escapes a unit of
 * work, nothing of that unit was committed.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
