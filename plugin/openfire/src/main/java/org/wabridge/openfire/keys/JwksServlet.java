/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the provider's JWKS (RFC 7517) to anyone, without authentication: it holds public keys only. Verifiers
 * may cache it for {@value #MAX_AGE_SECONDS} s, well inside the rotation overlap. Only GET and HEAD are allowed:
 * every other method gets 405, including OPTIONS and TRACE, which the servlet default would answer (TRACE by
 * echoing the request's headers).
 */
public final class JwksServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JwksServlet.class);

    /** Cache lifetime; the key overlap (hours) must exceed it by far. */
    public static final int MAX_AGE_SECONDS = 300;
    public static final String CONTENT_TYPE = "application/jwk-set+json";

    private final transient Supplier<String> jwks;

    public JwksServlet(Supplier<String> jwks) {
        this.jwks = Objects.requireNonNull(jwks, "jwks");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try {
            body = jwks.get().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            LOG.warn("JWKS not available: {}", e.toString());
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        notAllowed(response);
    }

    @Override
    protected void doTrace(HttpServletRequest request, HttpServletResponse response) throws IOException {
        notAllowed(response);
    }

    private static void notAllowed(HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "GET, HEAD");
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
