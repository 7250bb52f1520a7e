/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.sim;

/** A simulated-user operation that could not be done, with a typed {@link Problem} the control API maps. */
public final class SimulatedUserException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Problem {
        /** No simulated user with that phone number. */
        UNKNOWN_USER,
        /** The phone number is already taken by a simulated user or a registered account. */
        ALREADY_EXISTS,
        /** A device could not log in to the emulator. */
        LOGIN_FAILED,
        /** Media could not be uploaded, downloaded or decrypted. */
        MEDIA_FAILED,
        /** The engine gave no answer in time. */
        TIMEOUT,
        /** The emulator has no TCP listener or media host for simulated users. */
        UNAVAILABLE
    }

    private final Problem problem;

    public SimulatedUserException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public SimulatedUserException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
