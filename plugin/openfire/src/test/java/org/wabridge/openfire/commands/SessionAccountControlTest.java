/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.wabridge.core.client.EngineState;

class SessionAccountControlTest {

    private final SessionAccountControl control = new SessionAccountControl(() -> {
        throw new AssertionError("not used");
    }, Optional::empty);

    @Test
    void everyEnginePhaseHasTheStatusAUserUnderstands() {
        assertEquals(AccountStatus.Session.CONNECTED, SessionAccountControl.sessionOf(EngineState.Phase.ONLINE));
        assertEquals(AccountStatus.Session.CONNECTING,
                SessionAccountControl.sessionOf(EngineState.Phase.CONNECTING));
        assertEquals(AccountStatus.Session.DISCONNECTED, SessionAccountControl.sessionOf(EngineState.Phase.BACKOFF));
        assertEquals(AccountStatus.Session.DISCONNECTED,
                SessionAccountControl.sessionOf(EngineState.Phase.TEMP_BANNED));
        assertEquals(AccountStatus.Session.DISCONNECTED,
                SessionAccountControl.sessionOf(EngineState.Phase.TOKEN_EXPIRED));
        assertEquals(AccountStatus.Session.LOGGED_OUT, SessionAccountControl.sessionOf(EngineState.Phase.REPLACED));
        assertEquals(AccountStatus.Session.LOGGED_OUT,
                SessionAccountControl.sessionOf(EngineState.Phase.DEVICE_REMOVED));
        assertEquals(AccountStatus.Session.NOT_RUNNING, SessionAccountControl.sessionOf(EngineState.Phase.STOPPED));
    }

    @Test
    void withoutMessagingThereIsNoSessionAndActionsAreRefusedAsNotConnected() {
        assertEquals(new AccountStatus(AccountStatus.Session.NOT_RUNNING, Optional.empty()), control.status("ann"));
        assertEquals(AccountControlException.Reason.NOT_CONNECTED,
                assertThrows(AccountControlException.class, () -> control.reconnect("ann")).reason());
        assertEquals(AccountControlException.Reason.NOT_CONNECTED,
                assertThrows(AccountControlException.class, () -> control.addContact("ann", "+4915112345678"))
                        .reason());
        assertEquals(AccountControlException.Reason.NOT_CONNECTED,
                assertThrows(AccountControlException.class, () -> control.block("ann", "+4915112345678")).reason());
    }
}
