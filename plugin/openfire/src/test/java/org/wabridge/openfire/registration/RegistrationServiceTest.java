/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RegistrationServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String V = RegistrationService.CONSENT_VERSION;

    private final InMemoryRegistrationStore store = new InMemoryRegistrationStore();
    private final List<String> hookCalls = new ArrayList<>();
    private final List<String> linkCalls = new ArrayList<>();
    private RegistrationRules rules = new RegistrationRules(RegistrationPolicy.OPEN, Set.of());
    private final RegistrationService service = new RegistrationService(store, () -> rules,
            (user, groups) -> user.equals("member") && groups.contains("whatsapp-users"), hookCalls::add,
            linkCalls::add, Clock.fixed(NOW, ZoneOffset.UTC));

    private RegistrationException.Reason refusal(String user, String phone, boolean consent) {
        return assertThrows(RegistrationException.class, () -> service.register(user, phone, consent, V)).reason();
    }

    @Test
    void validNumberWithConsentIsLinkedWithConsentVersionAndTime() throws Exception {
        Registration r = service.register("alice", "+49 170 1234567", true, V);

        Registration expected = new Registration("alice", "+491701234567", RegistrationService.CONSENT_VERSION, NOW,
                Registration.State.LINKED, NOW);
        assertEquals(expected, r);
        assertEquals(Optional.of(expected), store.find("alice"));
    }

    @Test
    void invalidMissingOrUnconsentedNumbersAreRefusedAndNothingIsStored() {
        assertEquals(RegistrationException.Reason.PHONE_INVALID, refusal("alice", "0170 1234567", true));
        assertEquals(RegistrationException.Reason.PHONE_MISSING, refusal("alice", " ", true));
        assertEquals(RegistrationException.Reason.CONSENT_MISSING, refusal("alice", "+49 170 1234567", false));
        assertEquals(List.of(), store.all());
    }

    @Test
    void consentToAMissingOrOlderDisclosureIsOutdatedAndNothingIsStored() {
        for (String version : new String[] {null, "", "2025-01-1"}) {
            assertEquals(RegistrationException.Reason.CONSENT_OUTDATED, assertThrows(RegistrationException.class,
                    () -> service.register("alice", "+49 170 1234567", true, version)).reason(), version);
        }
        assertEquals(List.of(), store.all());
    }

    @Test
    void aNumberLinkedByAnotherUserIsAConflict() throws Exception {
        service.register("alice", "+491701234567", true, V);
        assertEquals(RegistrationException.Reason.PHONE_TAKEN, refusal("bob", "+49 170 1234567", true));
    }

    @Test
    void groupPolicyLetsOnlyMembersIn() throws Exception {
        rules = new RegistrationRules(RegistrationPolicy.GROUPS, Set.of("whatsapp-users"));

        assertEquals(RegistrationException.Reason.NOT_PERMITTED, refusal("alice", "+491701234567", true));
        assertEquals(Registration.State.LINKED, service.register("member", "+491701234567", true, V).state());
    }

    @Test
    void approvalPolicyKeepsNewRegistrationsPendingButNotAlreadyLinkedOnes() throws Exception {
        service.register("alice", "+491701234567", true, V);
        rules = new RegistrationRules(RegistrationPolicy.APPROVAL, Set.of());

        assertEquals(Registration.State.PENDING, service.register("bob", "+4930123456", true, V).state());
        assertEquals(Registration.State.LINKED, service.register("alice", "+491701234567", true, V).state(),
                "renewing consent must not demote an approved user");
    }

    @Test
    void reRegisteringTheSameNumberRenewsTheConsentAndLeavesEverythingElseAlone() throws Exception {
        Registration first = service.register("alice", "+491701234567", true, V);
        rules = new RegistrationRules(RegistrationPolicy.APPROVAL, Set.of());

        Registration second = service.register("alice", "+49 170 1234567", true, V);

        assertEquals(first, second);
        assertEquals(List.of(), hookCalls, "the same number must not tear the session down");
    }

    @Test
    void aNumberChangeIsAnUnregisterThenANewRegistrationWaitingForApprovalAgain() throws Exception {
        // Given alice is linked and the administrator has since switched to the approval policy
        service.register("alice", "+491701234567", true, V);
        rules = new RegistrationRules(RegistrationPolicy.APPROVAL, Set.of());

        // When she registers another number
        Registration changed = service.register("alice", "+4930123456", true, V);

        // Then the old identity was cleaned up as on unregister, and the new number waits for the administrator
        assertEquals(List.of("alice"), hookCalls);
        assertEquals(Registration.State.PENDING, changed.state());
        assertEquals(Optional.of(changed), store.find("alice"));
        assertEquals(Optional.empty(), store.findByPhone("+491701234567"));
    }

    @Test
    void everyRegistrationThatBecomesLinkedRunsTheLinkHookSoAnOnlineUserGetsASession() throws Exception {
        // a new registration under the open policy, then the same number again (already linked: nothing)
        service.register("alice", "+491701234567", true, V);
        service.register("alice", "+491701234567", true, V);
        assertEquals(List.of("alice"), linkCalls);

        // under the approval policy a new one waits, and the approval has its own path (with a notice)
        rules = new RegistrationRules(RegistrationPolicy.APPROVAL, Set.of());
        service.register("bob", "+4930123456", true, V);
        service.register("carol", "+4940123456", true, V);
        service.approve("bob");
        assertEquals(List.of("alice"), linkCalls);

        // a waiting one submitted again once the policy is open, and a number change, link anew
        rules = new RegistrationRules(RegistrationPolicy.OPEN, Set.of());
        service.register("carol", "+4940123456", true, V);
        service.register("alice", "+4989123456", true, V);
        assertEquals(List.of("alice", "carol", "alice"), linkCalls);
        assertEquals(List.of("alice"), hookCalls, "the number change removed alice's old identity first");
    }

    @Test
    void aNumberChangeToATakenNumberChangesNothing() throws Exception {
        service.register("alice", "+491701234567", true, V);
        service.register("bob", "+4930123456", true, V);

        assertEquals(RegistrationException.Reason.PHONE_TAKEN, refusal("alice", "+4930123456", true));
        assertEquals(Optional.of("+491701234567"), store.find("alice").map(Registration::phoneE164));
        assertEquals(List.of(), hookCalls);
    }

    @Test
    void unregisterRemovesAndRunsTheHookOnlyForRegisteredUsersButRemoveAlwaysRunsIt() throws Exception {
        service.register("alice", "+491701234567", true, V);

        service.unregister("alice");
        assertEquals(Optional.empty(), store.find("alice"));
        assertEquals(List.of("alice"), hookCalls);
        assertEquals(RegistrationException.Reason.NOT_REGISTERED,
                assertThrows(RegistrationException.class, () -> service.unregister("alice")).reason());

        assertFalse(service.remove("ghost"));
        assertEquals(List.of("alice", "alice", "ghost"), hookCalls);
        service.register("bob", "+4930123456", true, V);
        assertTrue(service.remove("bob"));
    }

    @Test
    void anAdministratorApprovesAPendingRegistrationOnceAndUnknownUsersAreNotRegistered() throws Exception {
        rules = new RegistrationRules(RegistrationPolicy.APPROVAL, Set.of());
        service.register("bob", "+4930123456", true, V);

        Registration approved = service.approve("bob");
        assertEquals(Registration.State.LINKED, approved.state());
        assertEquals(Optional.of(approved), store.find("bob"));
        assertEquals(approved, service.approve("bob"), "approving again changes nothing");
        assertEquals(List.of(approved), service.all());
        assertEquals(RegistrationException.Reason.NOT_REGISTERED,
                assertThrows(RegistrationException.class, () -> service.approve("nobody")).reason());
        assertEquals(List.of(), hookCalls, "approval is not an unregistration");
    }

    @Test
    void aNumberTakenBetweenTheCheckAndTheSaveIsPhoneTakenNotAStoreFailure() throws Exception {
        // Given bob saved the number after alice's check found it free (the check misses him)
        InMemoryRegistrationStore shared = new InMemoryRegistrationStore();
        shared.save(new Registration("bob", "+491701234567", RegistrationService.CONSENT_VERSION, NOW,
                Registration.State.LINKED, NOW));
        RegistrationService racing = new RegistrationService(new CheckMissesHolders(shared), () -> rules,
                (user, groups) -> false, hookCalls::add, Clock.fixed(NOW, ZoneOffset.UTC));

        // When alice's save hits the unique number, Then she is told the number is taken
        assertEquals(RegistrationException.Reason.PHONE_TAKEN, assertThrows(RegistrationException.class,
                () -> racing.register("alice", "+491701234567", true, V)).reason());
        assertEquals(Optional.empty(), shared.find("alice"));
    }

    /** A store whose number look-up never sees a holder, as when another user saves it just after the look-up. */
    private static final class CheckMissesHolders implements RegistrationStore {
        private final RegistrationStore delegate;

        CheckMissesHolders(RegistrationStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Registration> find(String username) throws RegistrationStoreException {
            return delegate.find(username);
        }

        @Override
        public Optional<Registration> findByPhone(String phoneE164) {
            return Optional.empty();
        }

        @Override
        public void save(Registration registration) throws RegistrationStoreException {
            delegate.save(registration);
        }

        @Override
        public boolean delete(String username) throws RegistrationStoreException {
            return delegate.delete(username);
        }

        @Override
        public List<Registration> all() throws RegistrationStoreException {
            return delegate.all();
        }
    }
}
