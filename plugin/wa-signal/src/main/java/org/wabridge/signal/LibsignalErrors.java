/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import org.wabridge.core.signal.DuplicateMessageException;
import org.wabridge.core.signal.InvalidKeyException;
import org.wabridge.core.signal.InvalidMessageException;
import org.wabridge.core.signal.NoSessionException;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalException;
import org.wabridge.core.signal.UntrustedIdentityException;

/** Turns libsignal's exceptions into the port's typed ones; anything else (store failures, bugs) passes through. */
final class LibsignalErrors {

    private LibsignalErrors() {
    }

    /**
     * Maps a failure of an operation with {@code address}.
     *
     * @return the port exception to throw
     * @throws RuntimeException the failure itself when it is not a libsignal protocol error
     */
    static SignalException map(SignalAddress address, String step, Exception failure) {
        if (failure instanceof org.signal.libsignal.protocol.DuplicateMessageException) {
            return new DuplicateMessageException(address, step + ": message already decrypted", failure);
        }
        if (failure instanceof org.signal.libsignal.protocol.UntrustedIdentityException) {
            return new UntrustedIdentityException(address, step + ": identity key changed and is not trusted",
                    failure);
        }
        if (failure instanceof org.signal.libsignal.protocol.NoSessionException
                || failure instanceof org.signal.libsignal.protocol.InvalidSessionException) {
            return new NoSessionException(address, step + ": no usable session", failure);
        }
        if (failure instanceof org.signal.libsignal.protocol.InvalidKeyIdException) {
            return new InvalidKeyException(address, step + ": the message refers to a prekey we do not have",
                    failure);
        }
        if (failure instanceof org.signal.libsignal.protocol.InvalidKeyException) {
            return new InvalidKeyException(address, step + ": invalid key or signature", failure);
        }
        if (failure instanceof org.signal.libsignal.protocol.InvalidMessageException
                || failure instanceof org.signal.libsignal.protocol.InvalidVersionException
                || failure instanceof org.signal.libsignal.protocol.LegacyMessageException
                || failure instanceof org.signal.libsignal.protocol.InvalidMacException) {
            return new InvalidMessageException(address, step + ": invalid message", failure);
        }
        if (failure instanceof SignalException signal) {
            return signal;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(step + ": unexpected failure", failure);
    }

    /** For operations whose contract allows no protocol failure: a mapped one is a bug. */
    static IllegalStateException unexpected(String step, SignalException failure) {
        return new IllegalStateException(step + ": unexpected protocol failure", failure);
    }
}
