/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * What every {@link RegistrationStore} must do; each implementation's test class extends this and supplies
 * a fresh, empty store.
 */
abstract class RegistrationStoreContract {

    private static final Instant T1 = Instant.parse("2026-11-23T10:00:00.123456Z");
    private static final Instant T2 = Instant.parse("2026-11-23T11:00:00Z");

    /** @return an empty store */
    protected abstract RegistrationStore store() throws Exception;

    private static Registration alice(String phone, Registration.State state) {
        return new Registration("alice", phone, "2026-11-1", T1, state, T1);
    }

    @Test
    void savesAndFindsByUserAndPhoneToTheMillisecond() throws Exception {
        RegistrationStore store = store();
        store.save(alice("+491701234567", Registration.State.LINKED));

        Registration expected = new Registration("alice", "+491701234567", "2026-11-1",
                Instant.parse("2026-11-23T10:00:00.123Z"), Registration.State.LINKED, Instant.parse("2026-11-23T10:00:00.123Z"));
        assertEquals(Optional.of(expected), store.find("alice"));
        assertEquals(Optional.of(expected), store.findByPhone("+491701234567"));
        assertEquals(Optional.empty(), store.find("bob"));
        assertEquals(Optional.empty(), store.findByPhone("+4930123456"));
    }

    @Test
    void savingAgainReplacesTheUsersRow() throws Exception {
        RegistrationStore store = store();
        store.save(alice("+491701234567", Registration.State.PENDING));
        Registration renewed = new Registration("alice", "+4930123456", "2026-12-1", T2, Registration.State.LINKED, T1);
        store.save(renewed);

        assertEquals(Optional.of(renewed), store.find("alice"));
        assertEquals(Optional.empty(), store.findByPhone("+491701234567"));
        assertEquals(List.of(renewed), store.all());
    }

    @Test
    void oneNumberBelongsToOneUser() throws Exception {
        RegistrationStore store = store();
        store.save(alice("+491701234567", Registration.State.LINKED));

        RegistrationStoreException e = assertThrows(RegistrationStoreException.class, () -> store.save(
                new Registration("bob", "+491701234567", "2026-11-1", T2, Registration.State.LINKED, T2)));
        assertTrue(e.phoneTaken(), "the user must be told the number is taken, not that the store failed");
        assertEquals(Optional.of("alice"), store.findByPhone("+491701234567").map(Registration::username));
    }

    @Test
    void deleteRemovesOnlyThatUserAndSaysWhetherThereWasOne() throws Exception {
        RegistrationStore store = store();
        store.save(alice("+491701234567", Registration.State.LINKED));
        Registration bob = new Registration("bob", "+4930123456", "2026-11-1", T2, Registration.State.PENDING, T2);
        store.save(bob);

        assertTrue(store.delete("alice"));
        assertFalse(store.delete("alice"));
        assertEquals(List.of(bob), store.all());
    }
}
