/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import java.util.UUID;
import org.signal.libsignal.protocol.SignalProtocolAddress;
import org.signal.libsignal.protocol.groups.GroupCipher;
import org.signal.libsignal.protocol.groups.GroupSessionBuilder;
import org.signal.libsignal.protocol.message.SenderKeyDistributionMessage;

/**
 * Sender-key operations for {@link LibsignalCrypto}. libsignal names a sender key by a distribution UUID; we
 * derive it from the group id ({@link LibsignalStoreConnector#distributionId}) so one group has one key per
 * sender. Callers hold the operation runner with the group in scope.
 */
final class LibsignalGroups {

    private final LibsignalStoreConnector connector;
    private final SignalProtocolAddress self;

    LibsignalGroups(LibsignalStoreConnector connector, SignalProtocolAddress self) {
        this.connector = connector;
        this.self = self;
    }

    byte[] createDistribution(String groupId) {
        return new GroupSessionBuilder(connector).create(self, LibsignalStoreConnector.distributionId(groupId))
                .serialize();
    }

    void processDistribution(String groupId, SignalProtocolAddress sender, byte[] serialized) throws Exception {
        SenderKeyDistributionMessage message = new SenderKeyDistributionMessage(serialized);
        UUID expected = LibsignalStoreConnector.distributionId(groupId);
        if (!expected.equals(message.getDistributionId())) {
            throw new org.signal.libsignal.protocol.InvalidMessageException(
                    "sender key distribution message belongs to another group");
        }
        new GroupSessionBuilder(connector).process(sender, message);
    }

    byte[] encrypt(String groupId, byte[] plaintext) throws Exception {
        return new GroupCipher(connector, self).encrypt(LibsignalStoreConnector.distributionId(groupId), plaintext)
                .serialize();
    }

    byte[] decrypt(SignalProtocolAddress sender, byte[] ciphertext) throws Exception {
        return new GroupCipher(connector, sender).decrypt(ciphertext);
    }
}
