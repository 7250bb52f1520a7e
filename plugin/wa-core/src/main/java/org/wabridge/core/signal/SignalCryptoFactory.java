/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import org.wabridge.core.store.SignalStores;

/**
 * Creates {@link SignalCrypto} instances; implemented by the libsignal adapter in {@code wa-signal}. Pure: opening
 * does no I/O (the identity is created lazily by {@link SignalCrypto#localIdentity()}).
 */
public interface SignalCryptoFactory {

    /**
     * Opens the port for one local account.
     *
     * @param localAddress this device's own Signal address (sender of its group messages)
     * @param stores       the account's stores; they must not be shared with another open instance
     * @param config       trust policy and clock
     */
    SignalCrypto open(SignalAddress localAddress, SignalStores stores, SignalConfig config);
}
