/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.wabridge.core.client.ConnectRequest;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.WaAccount;
import org.wabridge.openfire.registration.Registration;

/** Without an engine, accounts stay stopped with a reason and every send is rejected, never swallowed. */
class NoEngineAccountFactoryTest {

    @Test
    void accountsStayStoppedAndRefuseSends() throws Exception {
        WaAccount account = new NoEngineAccountFactory(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).create(
                new Registration("a", "+4930123456", "v", Instant.EPOCH, Registration.State.LINKED, Instant.EPOCH),
                e -> { });

        assertEquals(EngineState.Phase.STOPPED,
                account.connect(new ConnectRequest("192.0.2.1")).toCompletableFuture().get().phase());
        SendResult result = account.sendText("1@s.whatsapp.net", "id", "hi").toCompletableFuture().get();
        assertEquals(SendResult.Reason.ENGINE_STOPPED, ((SendResult.Rejected) result).reason());
        assertEquals(NoEngineAccountFactory.REASON, account.state().lastError().orElseThrow());
    }
}
