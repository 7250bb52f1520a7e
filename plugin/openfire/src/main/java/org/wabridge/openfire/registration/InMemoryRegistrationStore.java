/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link RegistrationStore} in memory, for tests; enforces the same uniqueness as the table. */
public final class InMemoryRegistrationStore implements RegistrationStore {

    private final TreeMap<String, Registration> byUser = new TreeMap<>();

    @Override
    public synchronized Optional<Registration> find(String username) {
        return Optional.ofNullable(byUser.get(username));
    }

    @Override
    public synchronized Optional<Registration> findByPhone(String phoneE164) {
        return byUser.values().stream().filter(r -> r.phoneE164().equals(phoneE164)).findFirst();
    }

    @Override
    public synchronized void save(Registration registration) throws RegistrationStoreException {
        Optional<Registration> holder = findByPhone(registration.phoneE164());
        if (holder.isPresent() && !holder.get().username().equals(registration.username())) {
            throw RegistrationStoreException.phoneTaken("the number is registered by another user", null);
        }
        byUser.put(registration.username(), registration);
    }

    @Override
    public synchronized boolean delete(String username) {
        return byUser.remove(username) != null;
    }

    @Override
    public synchronized List<Registration> all() {
        return new ArrayList<>(byUser.values());
    }
}
