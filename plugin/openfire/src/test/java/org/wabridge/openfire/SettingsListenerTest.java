/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SettingsListenerTest {

    @Test
    void onlyChangesToPluginKeysInTheDatabaseTriggerTheCallback() {
        AtomicInteger calls = new AtomicInteger();
        SettingsListener listener = new SettingsListener(calls::incrementAndGet);

        listener.propertySet("xmpp.domain", Map.of());
        listener.propertyDeleted("plugin.other.key", Map.of());
        listener.xmlPropertySet("plugin.whatsapp.subdomain", Map.of());
        assertEquals(0, calls.get());

        listener.propertySet("plugin.whatsapp.subdomain", Map.of());
        listener.propertyDeleted("plugin.whatsapp.gateway.name", Map.of());
        assertEquals(2, calls.get());
    }
}
