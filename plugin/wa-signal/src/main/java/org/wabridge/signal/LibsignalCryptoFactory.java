/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalConfig;
import org.wabridge.core.signal.SignalCrypto;
import org.wabridge.core.signal.SignalCryptoFactory;
import org.wabridge.core.store.SignalStores;

/** Opens {@link LibsignalCrypto} instances: the one implementation of the port. */
public final class LibsignalCryptoFactory implements SignalCryptoFactory {

    @Override
    public SignalCrypto open(SignalAddress localAddress, SignalStores stores, SignalConfig config) {
        return new LibsignalCrypto(localAddress, stores, config);
    }
}
