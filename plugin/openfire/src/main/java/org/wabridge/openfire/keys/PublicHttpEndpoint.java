/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.keys;

import javax.servlet.http.HttpServlet;

/** Publishes a servlet on Openfire's public (unauthenticated) HTTP server. */
@FunctionalInterface
public interface PublicHttpEndpoint {

    /** A published servlet; {@link #close} removes it again. */
    interface Published extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * @param contextPath e.g. {@code /whatsapp}
     * @param servletPath e.g. {@code /jwks.json}
     * @throws PublicEndpointException if the server cannot take the servlet
     */
    Published publish(String contextPath, String servletPath, HttpServlet servlet) throws PublicEndpointException;
}
