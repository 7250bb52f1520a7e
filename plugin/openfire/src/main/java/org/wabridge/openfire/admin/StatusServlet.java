/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.jivesoftware.openfire.XMPPServer;
import org.wabridge.openfire.WhatsAppPlugin;
import org.wabridge.openfire.i18n.OpenfireMessages;

/**
 * Admin page {@code plugins/whatsapp/status}: shows the plugin state (including the "restart Openfire"
 * notice when libsignal could not load) and offers one action, re-registering the gateway component.
 * GET never changes state; POST checks the plugin's CSRF token and redirects back (post/redirect/get).
 * Openfire's admin filters have already authenticated the administrator.
 */
public final class StatusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String ACTION_RESTART = "restart-gateway";
    private static final String NOTICE_PARAMETER = "notice";
    private static final String NOTICE_RESTARTED = "restarted";
    private static final String NOTICE_REJECTED = "rejected";

    private final transient CsrfGuard csrf = new CsrfGuard(new SecureRandom());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> notice = Optional.ofNullable(request.getParameter(NOTICE_PARAMETER)).flatMap(StatusServlet::noticeKey);
        StatusPageModel model = StatusPageModel.of(WhatsAppPlugin.current(),
                XMPPServer.getInstance().getServerInfo().getXMPPDomain(), notice);
        String html = new StatusPageView(new OpenfireMessages(request.getLocale()))
                .render(model, csrf.tokenFor(request.getSession(true)));
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(html);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String notice;
        if (!csrf.isValid(request.getSession(false), request.getParameter(CsrfGuard.PARAMETER))) {
            notice = NOTICE_REJECTED;
        } else if (ACTION_RESTART.equals(request.getParameter("action"))
                && WhatsAppPlugin.current().map(WhatsAppPlugin::restartGateway).orElse(false)) {
            notice = NOTICE_RESTARTED;
        } else {
            notice = NOTICE_REJECTED;
        }
        response.sendRedirect("status?" + NOTICE_PARAMETER + "=" + notice);
    }

    /** Only known notices are shown; anything else in the query string is ignored. */
    static Optional<String> noticeKey(String notice) {
        return switch (notice) {
            case NOTICE_RESTARTED -> Optional.of("whatsapp.status.notice.restarted");
            case NOTICE_REJECTED -> Optional.of("whatsapp.status.notice.rejected");
            default -> Optional.empty();
        };
    }
}
