/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.admin;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.servlet.http.HttpSession;

/**
 * The plugin's own CSRF token, kept in the admin session under {@value #SESSION_KEY}. Openfire 5 rewrites the
 * session key {@code csrf} on every request and Openfire 4.2 has no CSRF support for plugins, so a separate
 * key works on both. The token lives as long as the session; every state-changing POST must echo it in the
 * form parameter {@value #PARAMETER}.
 */
public final class CsrfGuard {

    /** Session attribute holding the token. */
    public static final String SESSION_KEY = "whatsapp.csrf";
    /** Form field carrying the token back. */
    public static final String PARAMETER = "whatsapp.csrf";

    private static final int TOKEN_BYTES = 24;

    private final SecureRandom random;

    public CsrfGuard(SecureRandom random) {
        this.random = random;
    }

    /** @return the session's token, creating it on first use */
    public String tokenFor(HttpSession session) {
        synchronized (session) {
            Object existing = session.getAttribute(SESSION_KEY);
            if (existing instanceof String token && !token.isEmpty()) {
                return token;
            }
            byte[] bytes = new byte[TOKEN_BYTES];
            random.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(SESSION_KEY, token);
            return token;
        }
    }

    /**
     * @param session   the admin session, or null if there is none
     * @param submitted the token from the form, or null
     * @return true only if both exist and are equal (compared in constant time)
     */
    public boolean isValid(HttpSession session, String submitted) {
        if (session == null || submitted == null || submitted.isEmpty()) {
            return false;
        }
        Object expected = session.getAttribute(SESSION_KEY);
        if (!(expected instanceof String token) || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
    }
}
