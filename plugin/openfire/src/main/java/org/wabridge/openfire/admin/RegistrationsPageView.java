/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.admin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.wabridge.core.client.EngineState;
import org.wabridge.openfire.i18n.Messages;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.session.GatewayPresence;

/**
 * Renders the admin page {@code plugins/whatsapp/registrations}: every user linked to WhatsApp with the state of
 * their WhatsApp session right now, approve and reject buttons for registrations waiting under the "approval"
 * policy and a remove button for linked ones. Pure: registrations, session states and texts in, HTML out. Every
 * action is a POST carrying the CSRF token.
 */
final class RegistrationsPageView {

    /** The admin console item id in plugin.xml. */
    static final String PAGE_ID = "whatsapp-registrations";

    private final Messages messages;

    RegistrationsPageView(Messages messages) {
        this.messages = messages;
    }

    /**
     * @param registrations every registration, or empty when the plugin is not running
     * @param sessions      the live session state of a user, if the user has a session
     * @param noticeKey     the i18n key of a notice to show after an action
     */
    String render(Optional<List<Registration>> registrations, Function<String, Optional<EngineState>> sessions,
                  Optional<String> noticeKey, String csrfToken) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html>\n<head>\n<title>").append(text("whatsapp.registrations.title"))
                .append("</title>\n<meta name=\"pageID\" content=\"").append(PAGE_ID).append("\">\n")
                .append("<link rel=\"stylesheet\" type=\"text/css\" href=\"css/whatsapp-admin.css\">\n")
                .append("</head>\n<body>\n");
        noticeKey.ifPresent(key -> html.append("<div class=\"whatsapp-notice\">").append(text(key)).append("</div>\n"));
        html.append("<p>").append(text("whatsapp.registrations.intro")).append("</p>\n");
        if (registrations.isEmpty()) {
            html.append("<p>").append(text("whatsapp.registrations.not_running")).append("</p>\n");
        } else if (registrations.get().isEmpty()) {
            html.append("<p>").append(text("whatsapp.registrations.none")).append("</p>\n");
        } else {
            table(html, registrations.get(), sessions, csrfToken);
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private void table(StringBuilder html, List<Registration> registrations,
                       Function<String, Optional<EngineState>> sessions, String csrfToken) {
        html.append("<table class=\"whatsapp-registrations\">\n<tr>");
        for (String key : List.of("user", "number", "state", "session", "consent", "created", "actions")) {
            html.append("<th>").append(text("whatsapp.registrations.column." + key)).append("</th>");
        }
        html.append("</tr>\n");
        for (Registration r : registrations) {
            html.append("<tr><td>").append(Html.escape(r.username())).append("</td><td>")
                    .append(Html.escape(r.phoneE164())).append("</td><td>")
                    .append(text("whatsapp.registrations.state." + r.state().name().toLowerCase(Locale.ROOT)))
                    .append("</td><td>").append(session(r, sessions))
                    .append("</td><td>").append(Html.escape(r.consentVersion())).append(", ")
                    .append(Html.escape(r.consentTime().toString())).append("</td><td>")
                    .append(Html.escape(r.created().toString())).append("</td><td>");
            if (r.state() == Registration.State.PENDING) {
                button(html, r.username(), RegistrationsServlet.ACTION_APPROVE, "whatsapp.registrations.approve",
                        csrfToken);
                button(html, r.username(), RegistrationsServlet.ACTION_REMOVE, "whatsapp.registrations.reject",
                        csrfToken);
            } else {
                button(html, r.username(), RegistrationsServlet.ACTION_REMOVE, "whatsapp.registrations.remove",
                        csrfToken);
            }
            html.append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private String session(Registration r, Function<String, Optional<EngineState>> sessions) {
        if (r.state() != Registration.State.LINKED) {
            return "&mdash;";
        }
        return sessions.apply(r.username()).map(s -> Html.escape(GatewayPresence.describe(s, messages)))
                .orElseGet(() -> text("whatsapp.registrations.session.none"));
    }

    private void button(StringBuilder html, String username, String action, String labelKey, String csrfToken) {
        html.append("<form method=\"post\" action=\"registrations\" style=\"display:inline\">")
                .append("<input type=\"hidden\" name=\"").append(CsrfGuard.PARAMETER).append("\" value=\"")
                .append(Html.escape(csrfToken)).append("\">")
                .append("<input type=\"hidden\" name=\"action\" value=\"").append(action).append("\">")
                .append("<input type=\"hidden\" name=\"user\" value=\"").append(Html.escape(username)).append("\">")
                .append("<input type=\"submit\" value=\"").append(text(labelKey)).append("\"></form> ");
    }

    private String text(String key) {
        return Html.escape(messages.get(key));
    }
}
