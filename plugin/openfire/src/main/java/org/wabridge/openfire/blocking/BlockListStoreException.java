/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.blocking;

/** The block list could not be read or written; the message names the operation, never a number. */
public final class BlockListStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public BlockListStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
