/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.security.SecureRandom;
import java.util.Objects;
import org.wabridge.core.auth.InteropTokenMinter;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519Engine;
import org.wabridge.core.noise.X25519KeyPair;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;

/**
 * How an engine proves who it is at each login: an interop account mints a fresh JWT per connection and uses a
 * throwaway Noise key (whatsapp-protocol.md §1.3, §2.6); a consumer device (the emulator's simulated WhatsApp
 * users) logs in with its registered Noise static key and no token.
 */
public sealed interface EngineCredentials permits EngineCredentials.Interop, EngineCredentials.Consumer {

    /** This device's own address, as peers see it in {@code from}. */
    WaJid self();

    /** The payload and Noise key of one connection attempt. */
    record Login(byte[] payload, X25519KeyPair noiseKey) {
    }

    /** Builds the login of one attempt; may throw an unchecked exception (e.g. no signing key). */
    Login login(ConnectRequest request, ClientPayloadFactory payloads, ClientPayload.ConnectReason reason,
                SecureRandom random, X25519Engine x25519);

    /**
     * A DMA interop account (product INTEROP).
     *
     * @param accountId          {@code interopData.accountID}; its unsigned decimal form is the token subject
     * @param device             this connection's device id
     * @param integrator         the partner's integrator number in interop JIDs (§4; [UNKNOWN] value, a setting)
     * @param minter             mints the per-connection token with the client IP
     * @param enableReadReceipts whether the user shares read receipts
     */
    record Interop(long accountId, int device, int integrator, InteropTokenMinter minter,
                   boolean enableReadReceipts) implements EngineCredentials {
        public Interop {
            Objects.requireNonNull(minter, "minter");
        }

        @Override
        public WaJid self() {
            return WaJid.interop(Long.toUnsignedString(accountId), device, integrator);
        }

        @Override
        public Login login(ConnectRequest request, ClientPayloadFactory payloads, ClientPayload.ConnectReason reason,
                           SecureRandom random, X25519Engine x25519) {
            byte[] token = minter.mint(Long.toUnsignedString(accountId), request.clientIp()).bytes();
            return new Login(payloads.bytes(accountId, device, token, enableReadReceipts, reason),
                    X25519.generate(random, x25519));
        }
    }

    /**
     * A consumer WhatsApp device registered by its Noise static key (product WHATSAPP, no token): the
     * emulator's simulated users.
     */
    record Consumer(long phone, int device, X25519KeyPair noiseKey, String pushName) implements EngineCredentials {
        public Consumer {
            Objects.requireNonNull(noiseKey, "noiseKey");
            Objects.requireNonNull(pushName, "pushName");
        }

        @Override
        public WaJid self() {
            return WaJid.of(Long.toUnsignedString(phone), device, WaJid.USER_SERVER);
        }

        @Override
        public Login login(ConnectRequest request, ClientPayloadFactory payloads, ClientPayload.ConnectReason reason,
                           SecureRandom random, X25519Engine x25519) {
            return new Login(payloads.consumerBytes(phone, device, pushName, reason), noiseKey);
        }

        @Override
        public String toString() { // never the private key
            return "Consumer[device=" + device + "]";
        }
    }
}
