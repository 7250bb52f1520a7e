/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.contract;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.store.SignalStores;

/** Fixture handling shared by the contract suites: a fresh account name per test. */
public abstract class StoreContractSupport {

    private StoreFixture fixture;
    protected String account;
    protected SignalStores stores;

    /** Creates the fixture under test; called before each test. */
    protected abstract StoreFixture createFixture() throws Exception;

    @BeforeEach
    void openFixture() throws Exception {
        fixture = createFixture();
        account = "acct-" + UUID.randomUUID();
        stores = fixture.open(account);
    }

    @AfterEach
    void closeFixture() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** The same account's stores, opened again (as after a restart). */
    protected SignalStores reopened() throws Exception {
        return fixture.open(account);
    }

    /** Another account's stores on the same backing storage. */
    protected SignalStores otherAccount() throws Exception {
        return fixture.open(account + "-other");
    }

    protected static byte[] bytes(String value) {
        return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    protected static SignalAddress address(String name, int device) {
        return new SignalAddress(name, device);
    }
}
