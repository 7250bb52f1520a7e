/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import javax.servlet.http.HttpSession;

import org.junit.jupiter.api.Test;

class CsrfGuardTest {

    private final CsrfGuard guard = new CsrfGuard(new SecureRandom());

    @Test
    void tokenIsStoredUnderThePluginsOwnSessionKeyAndStableForTheSession() {
        HttpSession session = InMemorySession.create();

        String token = guard.tokenFor(session);

        assertEquals(token, session.getAttribute("whatsapp.csrf"));
        assertEquals(token, guard.tokenFor(session));
        assertEquals(32, token.length(), "24 random bytes, base64url without padding");
        assertTrue(token.matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void differentSessionsGetDifferentTokens() {
        assertNotEquals(guard.tokenFor(InMemorySession.create()), guard.tokenFor(InMemorySession.create()));
    }

    @Test
    void onlyTheSessionsOwnTokenIsAccepted() {
        HttpSession session = InMemorySession.create();
        String token = guard.tokenFor(session);

        assertTrue(guard.isValid(session, token));
        assertFalse(guard.isValid(session, token + "x"));
        assertFalse(guard.isValid(session, guard.tokenFor(InMemorySession.create())));
        assertFalse(guard.isValid(session, ""));
        assertFalse(guard.isValid(session, null));
        assertFalse(guard.isValid(null, token));
    }

    @Test
    void aSessionWithoutTokenAcceptsNothing() {
        HttpSession fresh = InMemorySession.create();
        // Openfire 5 keeps its own token under "csrf"; ours must not be confused with it
        fresh.setAttribute("csrf", "server-token");

        assertFalse(guard.isValid(fresh, "server-token"));
    }
}
