/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import org.wabridge.signal.LibsignalProbe;

/**
 * Runs libsignal's start-up probe and turns every way it can fail into a result instead of a throwable, so
 * that the plugin can decide not to wire anything rather than load half-way.
 */
final class SignalSelfCheck {

    /**
     * Outcome of the probe.
     *
     * @param usable  true if libsignal works in this class loader
     * @param detail  what was verified, or why it failed (class and message of the error)
     */
    record Result(boolean usable, String detail) {
    }

    private SignalSelfCheck() {
    }

    static Result run() {
        try {
            return new Result(true, LibsignalProbe.run());
        } catch (LinkageError | RuntimeException e) {
            // LinkageError covers UnsatisfiedLinkError ("already loaded in another classloader"),
            // NoClassDefFoundError and ExceptionInInitializerError from libsignal's Native class.
            return new Result(false, e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
