/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import java.util.List;
import java.util.Optional;

/**
 * Persists {@link Registration}s, one per Openfire user and one per phone number. Implementations are
 * thread-safe; every method is blocking I/O for the JDBC implementation, so callers stay off Openfire's
 * packet-routing threads (the component's worker pool is fine).
 */
public interface RegistrationStore {

    /** @return the user's registration, if any */
    Optional<Registration> find(String username) throws RegistrationStoreException;

    /** @return the registration holding this E.164 number, if any */
    Optional<Registration> findByPhone(String phoneE164) throws RegistrationStoreException;

    /**
     * Inserts the registration, or replaces the user's existing one.
     *
     * @throws RegistrationStoreException also when another user already holds the number, then with
     *         {@link RegistrationStoreException#phoneTaken()}
     */
    void save(Registration registration) throws RegistrationStoreException;

    /** @return true if the user had a registration and it was removed */
    boolean delete(String username) throws RegistrationStoreException;

    /** @return every registration, ordered by username */
    List<Registration> all() throws RegistrationStoreException;
}
