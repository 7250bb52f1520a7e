/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignalSelfCheckTest {

    @Test
    void realLibsignalPassesTheProbeOnThisPlatform() {
        // The bundled libsignal-client has natives for linux-amd64, macOS and Windows; CI runs linux-amd64.
        SignalSelfCheck.Result result = SignalSelfCheck.run();

        assertTrue(result.usable(), result.detail());
        assertTrue(result.detail().contains("signature verified"), result.detail());
    }
}
