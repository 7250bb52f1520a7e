/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.wabridge.openfire.PluginStatus;
import org.wabridge.openfire.i18n.Messages;

/** Renders the status page with the real English bundle from {@code i18n/}; a missing key fails the test. */
class StatusPageViewTest {

    private static final Instant SINCE = Instant.parse("2026-11-23T10:15:30Z");

    private final ResourceBundle english = bundle("whatsapp_i18n.properties");
    private final StatusPageView view = new StatusPageView(messagesFrom(english));

    @Test
    void runningPluginShowsStateAddressAndARestartFormCarryingTheCsrfToken() {
        StatusPageModel model = new StatusPageModel(
                Optional.of(new PluginStatus(PluginStatus.State.RUNNING, SINCE, "")),
                Optional.of("whatsapp.example.org"), List.of(), "0.1.0", Optional.empty());

        String html = view.render(model, "tok3n");

        assertTrue(html.contains("<meta name=\"pageID\" content=\"whatsapp-status\">"));
        assertTrue(html.contains("<span class=\"whatsapp-state-running\">Running</span>"));
        assertTrue(html.contains("whatsapp.example.org"));
        assertTrue(html.contains("2026-11-23T10:15:30Z"));
        assertTrue(html.contains("<form method=\"post\" action=\"status\">"));
        assertTrue(html.contains("name=\"whatsapp.csrf\" value=\"tok3n\""));
        assertTrue(html.contains("value=\"restart-gateway\""));
    }

    @Test
    void restartRequiredShowsTheRestartOpenfireMessageAndNoAction() {
        StatusPageModel model = new StatusPageModel(
                Optional.of(new PluginStatus(PluginStatus.State.RESTART_REQUIRED, SINCE,
                        "java.lang.UnsatisfiedLinkError: Native Library already loaded in another classloader")),
                Optional.empty(), List.of(), "0.1.0", Optional.empty());

        String html = view.render(model, "tok3n");

        assertTrue(html.contains("Restart of Openfire required"));
        assertTrue(html.contains("Restart Openfire to start the WhatsApp gateway."));
        assertTrue(html.contains("already loaded in another classloader"));
        assertTrue(html.contains(english.getString("whatsapp.status.gateway.none")));
        assertFalse(html.contains("<form"));
    }

    @Test
    void everyValueFromOutsideTheViewIsEscaped() {
        StatusPageModel model = new StatusPageModel(
                Optional.of(new PluginStatus(PluginStatus.State.FAILED, SINCE, "<script>alert('x')</script>")),
                Optional.empty(), List.of("plugin.whatsapp.<b>"), "1.0\"><img>", Optional.empty());

        String html = view.render(model, "\"><script>");

        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<img>"));
        assertFalse(html.contains("<b>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    }

    @Test
    void notLoadedAndNoticesAndInvalidSettingsAreShown() {
        StatusPageModel model = new StatusPageModel(Optional.empty(), Optional.empty(),
                List.of("plugin.whatsapp.subdomain"), "?", StatusServlet.noticeKey("restarted"));

        String html = view.render(model, "t");

        assertTrue(html.contains("Not loaded"));
        assertTrue(html.contains(english.getString("whatsapp.status.notice.restarted")));
        assertTrue(html.contains("plugin.whatsapp.subdomain"));
        assertFalse(html.contains("<form"));
    }

    @Test
    void unknownNoticesFromTheQueryStringAreIgnored() {
        assertEquals(Optional.empty(), StatusServlet.noticeKey("<script>"));
        assertEquals(Optional.of("whatsapp.status.notice.rejected"), StatusServlet.noticeKey("rejected"));
    }

    @Test
    void everyStateHasATextInEveryLanguage() {
        ResourceBundle german = bundle("whatsapp_i18n_de.properties");
        for (PluginStatus.State state : PluginStatus.State.values()) {
            String key = new PluginStatus(state, SINCE, "").stateKey();
            assertFalse(english.getString(key).isBlank(), key);
            assertFalse(german.getString(key).isBlank(), key);
        }
    }

    @Test
    void allLanguagesHaveExactlyTheSameKeys() {
        Set<String> englishKeys = english.keySet();
        assertEquals(englishKeys, bundle("whatsapp_i18n_de.properties").keySet());
    }

    private static Messages messagesFrom(ResourceBundle bundle) {
        return (key, args) -> new MessageFormat(bundle.getString(key), Locale.ENGLISH).format(args);
    }

    private static ResourceBundle bundle(String file) {
        Path path = Path.of(System.getProperty("wabridge.i18n.dir", "../../i18n")).resolve(file);
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
            return new PropertyResourceBundle(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path.toAbsolutePath(), e);
        }
    }
}
