/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.openfire.AdminRegistrations;
import org.wabridge.openfire.WhatsAppPlugin;
import org.wabridge.openfire.i18n.OpenfireMessages;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.registration.RegistrationException;

/**
 * Admin page {@code plugins/whatsapp/registrations}: lists registrations and lets the administrator approve or
 * reject pending ones (policy "approval") and remove linked ones (the same cleanup as the user's unregister).
 * GET never changes state; POST checks the CSRF token and redirects back with a notice (post/redirect/get).
 */
public final class RegistrationsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationsServlet.class);

    static final String ACTION_APPROVE = "approve";
    static final String ACTION_REMOVE = "remove";

    private final transient CsrfGuard csrf = new CsrfGuard(new SecureRandom());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<List<Registration>> registrations;
        Optional<String> notice = Optional.ofNullable(request.getParameter("notice"))
                .flatMap(RegistrationsServlet::noticeKey);
        try {
            Optional<AdminRegistrations> admin = WhatsAppPlugin.current().map(WhatsAppPlugin::adminRegistrations);
            registrations = admin.isPresent() ? Optional.of(admin.get().all()) : Optional.empty();
        } catch (RegistrationException e) {
            LOG.warn("cannot list WhatsApp registrations: {}", e.getMessage());
            registrations = Optional.empty();
            notice = Optional.of("whatsapp.registrations.notice.failed");
        }
        Optional<WhatsAppPlugin> plugin = WhatsAppPlugin.current();
        String html = new RegistrationsPageView(new OpenfireMessages(request.getLocale()))
                .render(registrations, user -> plugin.flatMap(p -> p.adminRegistrations().sessionState(user)), notice,
                        csrf.tokenFor(request.getSession(true)));
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(html);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect("registrations?notice=" + act(request));
    }

    private String act(HttpServletRequest request) {
        if (!csrf.isValid(request.getSession(false), request.getParameter(CsrfGuard.PARAMETER))) {
            return "rejected";
        }
        String user = request.getParameter("user");
        Optional<WhatsAppPlugin> plugin = WhatsAppPlugin.current();
        if (user == null || user.isBlank() || plugin.isEmpty()) {
            return "rejected";
        }
        try {
            String action = String.valueOf(request.getParameter("action"));
            if (ACTION_APPROVE.equals(action)) {
                plugin.get().adminRegistrations().approve(user);
                return "approved";
            }
            if (ACTION_REMOVE.equals(action)) {
                return plugin.get().adminRegistrations().remove(user) ? "removed" : "rejected";
            }
            return "rejected";
        } catch (RegistrationException e) {
            return failureNotice(e);
        }
    }

    /** A registration another administrator removed meanwhile is gone, not a database failure. */
    static String failureNotice(RegistrationException e) {
        if (e.reason() == RegistrationException.Reason.NOT_REGISTERED) {
            LOG.debug("WhatsApp registration action on a registration that is gone: {}", e.getMessage());
            return "rejected";
        }
        LOG.warn("WhatsApp registration action failed: {}", e.getMessage());
        return "failed";
    }

    /** Only known notices are shown; anything else in the query string is ignored. */
    static Optional<String> noticeKey(String notice) {
        return switch (notice) {
            case "approved", "removed", "rejected", "failed" -> Optional.of("whatsapp.registrations.notice." + notice);
            default -> Optional.empty();
        };
    }
}
