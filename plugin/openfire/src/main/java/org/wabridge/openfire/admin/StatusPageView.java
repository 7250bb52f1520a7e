/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.admin;

import org.wabridge.openfire.PluginStatus;
import org.wabridge.openfire.i18n.Messages;

/**
 * Renders {@link StatusPageModel} as the body Openfire's admin console decorates (it picks the sidebar entry
 * from {@code <meta name="pageID">}). Pure: model and texts in, HTML out.
 */
final class StatusPageView {

    /** The admin console item id in plugin.xml. */
    static final String PAGE_ID = "whatsapp-status";

    private final Messages messages;

    StatusPageView(Messages messages) {
        this.messages = messages;
    }

    String render(StatusPageModel model, String csrfToken) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html>\n<head>\n<title>").append(text("whatsapp.status.title"))
                .append("</title>\n<meta name=\"pageID\" content=\"").append(PAGE_ID).append("\">\n")
                .append("<link rel=\"stylesheet\" type=\"text/css\" href=\"css/whatsapp-admin.css\">\n")
                .append("</head>\n<body>\n");
        model.notice().ifPresent(key ->
                html.append("<div class=\"whatsapp-notice\">").append(text(key)).append("</div>\n"));
        html.append("<p>").append(text("whatsapp.status.intro")).append("</p>\n");
        html.append("<table class=\"whatsapp-status\">\n");
        row(html, "whatsapp.status.version", Html.escape(model.pluginVersion()));
        if (model.status().isEmpty()) {
            row(html, "whatsapp.status.state", text("whatsapp.status.state.not_loaded"));
        } else {
            PluginStatus status = model.status().get();
            row(html, "whatsapp.status.state", "<span class=\"whatsapp-state-" + status.state().name().toLowerCase(
                    java.util.Locale.ROOT) + "\">" + text(status.stateKey()) + "</span>");
            row(html, "whatsapp.status.since", Html.escape(status.since().toString()));
            row(html, "whatsapp.status.gateway", model.gatewayAddress().map(Html::escape)
                    .orElse(text("whatsapp.status.gateway.none")));
            if (status.state() == PluginStatus.State.RESTART_REQUIRED) {
                row(html, "whatsapp.status.action", "<strong>" + text("whatsapp.status.restart_openfire") + "</strong>");
            }
            if (!status.detail().isEmpty()) {
                row(html, "whatsapp.status.detail", "<code>" + Html.escape(status.detail()) + "</code>");
            }
        }
        model.jwksUrl().ifPresent(url -> row(html, "whatsapp.status.jwks_url", "<code>" + Html.escape(url) + "</code>"));
        model.providerKey().ifPresent(key -> row(html, "whatsapp.status.provider_key", Html.escape(key)));
        if (!model.invalidSettings().isEmpty()) {
            row(html, "whatsapp.status.invalid_settings",
                    Html.escape(String.join(", ", model.invalidSettings())));
        }
        html.append("</table>\n");
        if (model.canRestartGateway()) {
            html.append("<form method=\"post\" action=\"status\">\n")
                    .append("<input type=\"hidden\" name=\"").append(CsrfGuard.PARAMETER).append("\" value=\"")
                    .append(Html.escape(csrfToken)).append("\">\n")
                    .append("<input type=\"hidden\" name=\"action\" value=\"").append(StatusServlet.ACTION_RESTART)
                    .append("\">\n<input type=\"submit\" value=\"").append(text("whatsapp.status.restart_gateway"))
                    .append("\">\n</form>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private void row(StringBuilder html, String labelKey, String valueHtml) {
        html.append("<tr><th>").append(text(labelKey)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private String text(String key) {
        return Html.escape(messages.get(key));
    }
}
