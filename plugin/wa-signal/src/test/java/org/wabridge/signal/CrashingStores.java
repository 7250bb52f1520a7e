/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import java.util.Optional;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.store.PreKeyStore;
import org.wabridge.core.store.SessionStore;
import org.wabridge.core.store.SignalStores;
import org.wabridge.core.store.StoreException;
import org.wabridge.core.store.inmemory.InMemorySignalStores;

/**
 * In-memory stores whose one-time prekey removal or session write can be made to fail, to simulate a crash
 * (database gone) in the middle of a decrypt, after libsignal already wrote part of the new state.
 */
final class CrashingStores {

    volatile boolean failPreKeyRemoval;
    volatile boolean failSessionWrite;
    final SignalStores stores;

    CrashingStores() {
        SignalStores base = InMemorySignalStores.create();
        PreKeyStore preKeys = base.preKeys();
        SessionStore sessions = base.sessions();
        PreKeyStore crashingPreKeys = new PreKeyStore() {
            @Override public int allocateIds(int count) { return preKeys.allocateIds(count); }
            @Override public void store(int id, byte[] record) { preKeys.store(id, record); }
            @Override public Optional<byte[]> load(int id) { return preKeys.load(id); }
            @Override public boolean contains(int id) { return preKeys.contains(id); }
            @Override public int count() { return preKeys.count(); }
            @Override public void remove(int id) {
                if (failPreKeyRemoval) {
                    throw new StoreException("simulated crash while removing prekey " + id);
                }
                preKeys.remove(id);
            }
        };
        SessionStore crashingSessions = new SessionStore() {
            @Override public Optional<byte[]> load(SignalAddress address) { return sessions.load(address); }
            @Override public boolean contains(SignalAddress address) { return sessions.contains(address); }
            @Override public void delete(SignalAddress address) { sessions.delete(address); }
            @Override public void deleteAll(String name) { sessions.deleteAll(name); }
            @Override public java.util.List<Integer> deviceIds(String name) { return sessions.deviceIds(name); }
            @Override public void store(SignalAddress address, byte[] record) {
                if (failSessionWrite) {
                    throw new StoreException("simulated crash while writing session");
                }
                sessions.store(address, record);
            }
        };
        stores = new SignalStores(base.identities(), crashingPreKeys, base.signedPreKeys(), base.kyberPreKeys(),
                crashingSessions, base.senderKeys(), base.transactions());
    }
}
