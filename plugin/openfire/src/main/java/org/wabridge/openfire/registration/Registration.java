/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One Openfire user's link to a WhatsApp number, with the version of the disclosure the user consented to
 * and when. Times are kept to the millisecond, as the table stores them.
 */
public record Registration(String username, String phoneE164, String consentVersion, Instant consentTime,
        State state, Instant created) {

    /** Link states as stored in {@code ofWaRegistration.state}. */
    public enum State {
        /** Waiting for an administrator's approval (policy "approval"). */
        PENDING,
        /** Registered; the WhatsApp session may run. */
        LINKED
    }

    public Registration {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(phoneE164, "phoneE164");
        Objects.requireNonNull(consentVersion, "consentVersion");
        Objects.requireNonNull(consentTime, "consentTime");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
        if (username.isEmpty() || username.length() > 64) {
            throw new IllegalArgumentException("username must have 1 to 64 characters");
        }
        if (phoneE164.length() > 32 || consentVersion.isEmpty() || consentVersion.length() > 32) {
            throw new IllegalArgumentException("phone or consent version too long for the table");
        }
        consentTime = consentTime.truncatedTo(ChronoUnit.MILLIS);
        created = created.truncatedTo(ChronoUnit.MILLIS);
    }

    /** @return a copy with another state */
    public Registration withState(State newState) {
        return new Registration(username, phoneE164, consentVersion, consentTime, newState, created);
    }

    @Override
    public String toString() {
        // the phone number is personal data: never in logs above DEBUG, so not in toString either
        return "Registration[" + username + ", state=" + state + ", consent=" + consentVersion + "]";
    }
}
