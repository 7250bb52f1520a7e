/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers and unregisters Openfire users with the gateway: validates the number, checks consent and the
 * policy, records consent with the version of the disclosure text and the time, and runs the
 * {@link UnregisterHook} after a removal. Registering again with the same number renews the consent and
 * leaves the session alone; another number is another WhatsApp identity, so it is an unregister (the hook
 * ends the session and deletes the old identity's state) followed by a new registration, which waits for
 * approval again under the approval policy. A registration that ends LINKED runs the {@link LinkHook}.
 */
public final class RegistrationService {

    /**
     * Version of the disclosure text ({@code whatsapp.gateway.register.disclosure} in every language). Raise
     * it whenever the meaning of that text changes, so that stored consents name the text actually shown.
     */
    public static final String CONSENT_VERSION = "2026-11-1";

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationService.class);

    private final RegistrationStore store;
    private final Supplier<RegistrationRules> rules;
    private final GroupMembership groups;
    private final UnregisterHook hook;
    private final LinkHook linkHook;
    private final Clock clock;

    public RegistrationService(RegistrationStore store, Supplier<RegistrationRules> rules, GroupMembership groups,
                               UnregisterHook hook, LinkHook linkHook, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.hook = Objects.requireNonNull(hook, "hook");
        this.linkHook = Objects.requireNonNull(linkHook, "linkHook");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Without a {@link LinkHook}: for callers that run no sessions (tests, tools). */
    public RegistrationService(RegistrationStore store, Supplier<RegistrationRules> rules, GroupMembership groups,
                               UnregisterHook hook, Clock clock) {
        this(store, rules, groups, hook, LinkHook.NONE, clock);
    }

    /** @throws RegistrationException NOT_PERMITTED if the policy keeps the user out, STORE_FAILED */
    public void checkPermitted(String username) throws RegistrationException {
        RegistrationRules r = rules.get();
        if (r.policy() == RegistrationPolicy.GROUPS && !groups.isMemberOfAny(username, r.groups())) {
            throw new RegistrationException(RegistrationException.Reason.NOT_PERMITTED,
                    "not a member of the groups allowed to register");
        }
    }

    /**
     * @param phoneInput     the number as typed
     * @param consent        whether the consent box was ticked
     * @param consentVersion the disclosure version the submitted form carried, null if none; only
     *                       {@link #CONSENT_VERSION} is accepted, so a stored consent names the text shown
     * @return the stored registration: LINKED, or PENDING under the approval policy
     * @throws RegistrationException with the reason the user must fix
     */
    public Registration register(String username, String phoneInput, boolean consent, String consentVersion)
            throws RegistrationException {
        checkPermitted(username);
        if (phoneInput == null || phoneInput.isBlank()) {
            throw new RegistrationException(RegistrationException.Reason.PHONE_MISSING, "no phone number");
        }
        String e164 = PhoneNumbers.toE164(phoneInput).orElseThrow(() -> new RegistrationException(
                RegistrationException.Reason.PHONE_INVALID, "not a valid international phone number"));
        if (!consent) {
            throw new RegistrationException(RegistrationException.Reason.CONSENT_MISSING, "consent not given");
        }
        if (!CONSENT_VERSION.equals(consentVersion)) {
            throw new RegistrationException(RegistrationException.Reason.CONSENT_OUTDATED,
                    "consent given to disclosure version " + consentVersion + ", current is " + CONSENT_VERSION);
        }
        try {
            Optional<Registration> holder = store.findByPhone(e164);
            if (holder.isPresent() && !holder.get().username().equals(username)) {
                throw new RegistrationException(RegistrationException.Reason.PHONE_TAKEN, "number already registered");
            }
            Instant now = clock.instant();
            Optional<Registration> existing = store.find(username);
            if (existing.isPresent() && !existing.get().phoneE164().equals(e164)) {
                remove(username);
                existing = Optional.empty();
            }
            Registration.State state = rules.get().policy() == RegistrationPolicy.APPROVAL
                    && existing.map(e -> e.state() != Registration.State.LINKED).orElse(true)
                    ? Registration.State.PENDING : Registration.State.LINKED;
            Registration registration = new Registration(username, e164, CONSENT_VERSION, now, state,
                    existing.map(Registration::created).orElse(now));
            store.save(registration);
            LOG.info("WhatsApp registration of {} saved ({})", username, state);
            if (state == Registration.State.LINKED
                    && existing.map(e -> e.state() != Registration.State.LINKED).orElse(true)) {
                linkHook.registrationLinked(username);
            }
            return registration;
        } catch (RegistrationStoreException e) {
            if (e.phoneTaken()) { // two users raced for one number: the same answer as the check above
                throw new RegistrationException(RegistrationException.Reason.PHONE_TAKEN, e.getMessage(), e);
            }
            throw new RegistrationException(RegistrationException.Reason.STORE_FAILED, e.getMessage(), e);
        }
    }

    /** @return the user's registration, if any */
    public Optional<Registration> find(String username) throws RegistrationException {
        try {
            return store.find(username);
        } catch (RegistrationStoreException e) {
            throw new RegistrationException(RegistrationException.Reason.STORE_FAILED, e.getMessage(), e);
        }
    }

    /** @return every registration, ordered by username (for the admin page) */
    public List<Registration> all() throws RegistrationException {
        try {
            return store.all();
        } catch (RegistrationStoreException e) {
            throw new RegistrationException(RegistrationException.Reason.STORE_FAILED, e.getMessage(), e);
        }
    }

    /**
     * An administrator approved a PENDING registration (policy "approval"): it becomes LINKED, so the user's
     * WhatsApp session may run ({@code AdminRegistrations} opens it; the {@link LinkHook} does not run here).
     * Approving a LINKED one changes nothing.
     *
     * @return the registration as stored now
     * @throws RegistrationException NOT_REGISTERED if there is none, STORE_FAILED
     */
    public Registration approve(String username) throws RegistrationException {
        try {
            Registration current = store.find(username).orElseThrow(() -> new RegistrationException(
                    RegistrationException.Reason.NOT_REGISTERED, "no registration"));
            if (current.state() == Registration.State.LINKED) {
                return current;
            }
            Registration approved = current.withState(Registration.State.LINKED);
            store.save(approved);
            LOG.info("WhatsApp registration of {} approved", username);
            return approved;
        } catch (RegistrationStoreException e) {
            throw new RegistrationException(RegistrationException.Reason.STORE_FAILED, e.getMessage(), e);
        }
    }

    /**
     * Removes the registration and then runs the unregister hook.
     *
     * @throws RegistrationException NOT_REGISTERED if there was none, STORE_FAILED
     */
    public void unregister(String username) throws RegistrationException {
        if (!remove(username)) {
            throw new RegistrationException(RegistrationException.Reason.NOT_REGISTERED, "no registration");
        }
    }

    /**
     * Removes the registration if there is one (for a deleted Openfire user); the hook runs either way, so
     * that partial state left by a crash is cleaned up too.
     *
     * @return true if a registration was removed
     */
    public boolean remove(String username) throws RegistrationException {
        boolean removed;
        try {
            removed = store.delete(username);
        } catch (RegistrationStoreException e) {
            throw new RegistrationException(RegistrationException.Reason.STORE_FAILED, e.getMessage(), e);
        }
        hook.registrationRemoved(username);
        if (removed) {
            LOG.info("WhatsApp registration of {} removed", username);
        }
        return removed;
    }
}
