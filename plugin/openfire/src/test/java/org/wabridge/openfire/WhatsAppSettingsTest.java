/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WhatsAppSettingsTest {

    private final Map<String, String> stored = new HashMap<>();

    private WhatsAppSettings read() {
        return WhatsAppSettings.from(stored::get);
    }

    @Test
    void nothingStoredGivesTheDocumentedDefaults() {
        WhatsAppSettings settings = read();

        assertEquals("whatsapp", settings.subdomain());
        assertEquals("WhatsApp", settings.gatewayName());
        assertEquals(8, settings.componentThreads());
        assertEquals(1000, settings.componentQueue());
        assertEquals(List.of(), settings.invalidKeys());
    }

    @Test
    void validValuesAreUsedAfterTrimmingAndLowerCasingTheSubdomain() {
        stored.put("plugin.whatsapp.subdomain", "  WA-Gateway ");
        stored.put("plugin.whatsapp.gateway.name", " WhatsApp (Example Corp) ");
        stored.put("plugin.whatsapp.component.threads", "64");
        stored.put("plugin.whatsapp.component.queue", "16");

        WhatsAppSettings settings = read();

        assertEquals("wa-gateway", settings.subdomain());
        assertEquals("WhatsApp (Example Corp)", settings.gatewayName());
        assertEquals(64, settings.componentThreads());
        assertEquals(16, settings.componentQueue());
        assertEquals(List.of(), settings.invalidKeys());
    }

    @Test
    void invalidValuesFallBackToDefaultsAndAreReportedInDeclarationOrder() {
        stored.put("plugin.whatsapp.subdomain", "-bad.label");
        stored.put("plugin.whatsapp.gateway.name", "x".repeat(65));
        stored.put("plugin.whatsapp.component.threads", "65");
        stored.put("plugin.whatsapp.component.queue", "lots");

        WhatsAppSettings settings = read();

        assertEquals("whatsapp", settings.subdomain());
        assertEquals("WhatsApp", settings.gatewayName());
        assertEquals(8, settings.componentThreads());
        assertEquals(1000, settings.componentQueue());
        assertEquals(List.of("plugin.whatsapp.subdomain", "plugin.whatsapp.gateway.name",
                "plugin.whatsapp.component.threads", "plugin.whatsapp.component.queue"), settings.invalidKeys());
    }

    @Test
    void boundsAreInclusive() {
        stored.put("plugin.whatsapp.component.threads", "1");
        stored.put("plugin.whatsapp.component.queue", "100000");
        assertEquals(1, read().componentThreads());
        assertEquals(100_000, read().componentQueue());

        stored.put("plugin.whatsapp.component.threads", "0");
        stored.put("plugin.whatsapp.component.queue", "100001");
        assertEquals(8, read().componentThreads());
        assertEquals(1000, read().componentQueue());
    }

    @Test
    void subdomainMustBeASingleDnsLabelOfAtMost63Characters() {
        stored.put("plugin.whatsapp.subdomain", "a".repeat(63));
        assertEquals("a".repeat(63), read().subdomain());

        for (String bad : List.of("a".repeat(64), "wa.example", "wa_gw", "wa-", "ünicode")) {
            stored.put("plugin.whatsapp.subdomain", bad);
            assertEquals("whatsapp", read().subdomain(), bad);
        }
    }

    @Test
    void componentDiffersOnlyWhenARegistrationRelevantValueChanged() {
        WhatsAppSettings before = read();
        assertFalse(before.componentDiffers(read()));

        stored.put("plugin.whatsapp.gateway.name", "Other");
        assertTrue(before.componentDiffers(read()));
    }

    @Test
    void ownKeysAreExactlyThoseWithThePluginPrefix() {
        assertTrue(WhatsAppSettings.isOwnKey("plugin.whatsapp.subdomain"));
        assertFalse(WhatsAppSettings.isOwnKey("plugin.whatsappx"));
        assertFalse(WhatsAppSettings.isOwnKey("xmpp.domain"));
        assertFalse(WhatsAppSettings.isOwnKey(null));
    }

    @Test
    void registrationPolicyAndGroupsAreReadAndAChangeReRegistersTheComponent() {
        WhatsAppSettings before = read();
        assertEquals(new org.wabridge.openfire.registration.RegistrationRules(
                org.wabridge.openfire.registration.RegistrationPolicy.OPEN, java.util.Set.of()), before.registrationRules());

        stored.put("plugin.whatsapp.registration.policy", " Groups ");
        stored.put("plugin.whatsapp.registration.groups", "staff, whatsapp-users,,");
        WhatsAppSettings after = read();

        assertEquals(new org.wabridge.openfire.registration.RegistrationRules(
                org.wabridge.openfire.registration.RegistrationPolicy.GROUPS, java.util.Set.of("staff", "whatsapp-users")),
                after.registrationRules());
        assertTrue(after.componentDiffers(before));
    }

    @Test
    void unknownRegistrationPolicyFallsBackToOpenAndIsReported() {
        stored.put("plugin.whatsapp.registration.policy", "everyone");

        WhatsAppSettings settings = read();

        assertEquals(org.wabridge.openfire.registration.RegistrationPolicy.OPEN, settings.registrationRules().policy());
        assertEquals(List.of("plugin.whatsapp.registration.policy"), settings.invalidKeys());
    }
}
