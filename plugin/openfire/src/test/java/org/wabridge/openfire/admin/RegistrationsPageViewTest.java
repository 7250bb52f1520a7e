/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.wabridge.core.client.EngineState;
import org.wabridge.openfire.i18n.TestBundles;
import org.wabridge.openfire.registration.Registration;

/** Renders the registrations page with the real English bundle; a missing key fails the test. */
class RegistrationsPageViewTest {
    private static final Instant T = Instant.parse("2026-11-23T10:15:30Z");
    private final RegistrationsPageView view = new RegistrationsPageView(TestBundles.english());

    private static Registration registration(String user, String phone, Registration.State state) {
        return new Registration(user, phone, "2026-11-1", T, state, T);
    }

    private static final java.util.function.Function<String, Optional<EngineState>> NO_SESSIONS =
            u -> Optional.empty();

    private static int count(String html, String needle) {
        return html.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void pendingRowsOfferApproveAndRejectLinkedRowsOfferRemoveEachWithTheCsrfToken() {
        String html = view.render(Optional.of(List.of(registration("alice", "+491701234567", Registration.State.LINKED),
                registration("bob", "+4930123456", Registration.State.PENDING))), NO_SESSIONS, Optional.empty(),
                "tok3n");

        assertTrue(html.contains("<meta name=\"pageID\" content=\"whatsapp-registrations\">"));
        assertTrue(html.contains("<td>alice</td><td>+491701234567</td><td>Linked</td><td>No WhatsApp session:"
                + " none of the user&#39;s clients is online</td>"), html);
        assertTrue(html.contains("<td>bob</td><td>+4930123456</td><td>Waiting for approval</td><td>&mdash;</td>"),
                html);
        assertEquals(1, count(html, "name=\"action\" value=\"approve\"><input type=\"hidden\" name=\"user\" value=\"bob\""));
        assertEquals(1, count(html, "value=\"remove\"><input type=\"hidden\" name=\"user\" value=\"alice\""));
        assertEquals(1, count(html, "value=\"remove\"><input type=\"hidden\" name=\"user\" value=\"bob\""));
        assertEquals(3, count(html, "<form method=\"post\""));
        assertEquals(3, count(html, "name=\"whatsapp.csrf\" value=\"tok3n\""), "every form carries the token");
    }

    @Test
    void namesAreEscapedAndEmptyOrStoppedStatesSaySo() {
        String html = view.render(Optional.of(List.of(registration("<x>&", "+491701234567",
                Registration.State.LINKED))), NO_SESSIONS, Optional.of("whatsapp.registrations.notice.removed"), "t");
        assertTrue(html.contains("<td>&lt;x&gt;&amp;</td>"), html);
        assertFalse(html.contains("<x>"));
        assertTrue(html.contains("The registration was removed."));

        assertTrue(view.render(Optional.of(List.of()), NO_SESSIONS, Optional.empty(), "t")
                .contains("Nobody has registered yet."));
        String stopped = view.render(Optional.empty(), NO_SESSIONS, Optional.empty(), "t");
        assertTrue(stopped.contains("The plugin is not running"));
        assertFalse(stopped.contains("<form"));
    }

    @Test
    void eachLinkedUsersSessionStateIsShownInWordsWithTheReason() {
        EngineState backoff = new EngineState(EngineState.Phase.BACKOFF, T, Optional.of(T.plusSeconds(60)),
                Optional.of("server <unavailable>"));
        String html = view.render(Optional.of(List.of(registration("alice", "+491701234567",
                        Registration.State.LINKED), registration("carl", "+4930123457", Registration.State.LINKED))),
                u -> u.equals("alice") ? Optional.of(new EngineState(EngineState.Phase.ONLINE, T, Optional.empty(),
                        Optional.empty())) : Optional.of(backoff), Optional.empty(), "t");

        assertTrue(html.contains("<td>Linked</td><td>Connected to WhatsApp</td>"), html);
        assertTrue(html.contains("<td>Linked</td><td>Connection to WhatsApp lost; next attempt 2026-11-23 10:16 UTC"
                + " (server &lt;unavailable&gt;)</td>"), html);
    }

    @Test
    void onlyKnownNoticesAreShown() {
        assertEquals(Optional.of("whatsapp.registrations.notice.approved"),
                RegistrationsServlet.noticeKey("approved"));
        assertEquals(Optional.empty(), RegistrationsServlet.noticeKey("<script>"));
    }
}
