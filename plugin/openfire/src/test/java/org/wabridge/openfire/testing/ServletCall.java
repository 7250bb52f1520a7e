/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.GenericServlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * Calls a plugin servlet that Openfire registered, the way the admin console would after its login filter:
 * the 4.2.0 admin webapp is not on Maven Central (openfire-platform.md §5), so requests are in-memory objects
 * implementing only what a plain servlet uses (method, parameters, session, locale; content type, headers,
 * writer, redirect).
 */
public final class ServletCall {

    /** What the servlet answered. */
    public record Response(String contentType, String body, String redirect, Map<String, String> headers) {
    }

    /** An admin's browser session, kept across calls. */
    public static final class Session {
        private final Map<String, Object> attributes = new ConcurrentHashMap<>();
        private final HttpSession proxy = (HttpSession) Proxy.newProxyInstance(HttpSession.class.getClassLoader(),
                new Class<?>[] {HttpSession.class}, (p, m, a) -> switch (m.getName()) {
                    case "getAttribute" -> attributes.get((String) a[0]);
                    case "setAttribute" -> attributes.put((String) a[0], a[1]);
                    case "removeAttribute" -> attributes.remove((String) a[0]);
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    default -> throw new UnsupportedOperationException("HttpSession." + m.getName());
                });

        public Object attribute(String name) {
            return attributes.get(name);
        }
    }

    private ServletCall() {
    }

    public static Response get(GenericServlet servlet, Session session, Map<String, String> parameters)
            throws IOException, ServletException {
        return call(servlet, "GET", session, parameters);
    }

    public static Response post(GenericServlet servlet, Session session, Map<String, String> parameters)
            throws IOException, ServletException {
        return call(servlet, "POST", session, parameters);
    }

    private static Response call(GenericServlet servlet, String method, Session session, Map<String, String> params)
            throws IOException, ServletException {
        StringWriter body = new StringWriter();
        PrintWriter writer = new PrintWriter(body);
        Map<String, String> headers = new ConcurrentHashMap<>();
        String[] redirect = {""};
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getParameter" -> params.get((String) a[0]);
                    case "getSession" -> session.proxy;
                    case "getLocale" -> Locale.ENGLISH;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getDateHeader" -> -1L;
                    case "getHeader" -> null;
                    default -> throw new UnsupportedOperationException("HttpServletRequest." + m.getName());
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (p, m, a) -> switch (m.getName()) {
                    case "setContentType" -> headers.put("Content-Type", (String) a[0]);
                    case "setCharacterEncoding" -> headers.put("charset", (String) a[0]);
                    case "setHeader" -> headers.put((String) a[0], (String) a[1]);
                    case "getWriter" -> writer;
                    case "sendRedirect" -> redirect[0] = (String) a[0];
                    case "isCommitted" -> false;
                    default -> throw new UnsupportedOperationException("HttpServletResponse." + m.getName());
                });
        servlet.service(request, response);
        writer.flush();
        return new Response(headers.getOrDefault("Content-Type", ""), body.toString(), redirect[0], Map.copyOf(headers));
    }
}
