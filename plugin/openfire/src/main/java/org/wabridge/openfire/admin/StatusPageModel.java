/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.admin;

import java.util.List;
import java.util.Optional;

import org.wabridge.openfire.PluginStatus;
import org.wabridge.openfire.WhatsAppPlugin;
import org.wabridge.openfire.WhatsAppSettings;

/**
 * Everything the status page shows, read once per request.
 *
 * @param status          the plugin state, empty if the plugin is not loaded
 * @param gatewayAddress  {@code subdomain.domain} of the registered component, empty if none
 * @param invalidSettings keys whose stored values were rejected
 * @param pluginVersion   version from the jar's manifest or "?"
 * @param notice          i18n key of a one-time notice (after a POST redirect), empty if none
 * @param jwksUrl         the public JWKS URL of the provider keys, if the plugin is loaded
 * @param providerKey     current signing key id and number of published keys, or the problem that stopped them
 */
public record StatusPageModel(Optional<PluginStatus> status, Optional<String> gatewayAddress,
                              List<String> invalidSettings, String pluginVersion, Optional<String> notice,
                              Optional<String> jwksUrl, Optional<String> providerKey) {

    public StatusPageModel {
        invalidSettings = List.copyOf(invalidSettings);
    }

    /** Without provider key information. */
    public StatusPageModel(Optional<PluginStatus> status, Optional<String> gatewayAddress,
                           List<String> invalidSettings, String pluginVersion, Optional<String> notice) {
        this(status, gatewayAddress, invalidSettings, pluginVersion, notice, Optional.empty(), Optional.empty());
    }

    /** Builds the model from the loaded plugin instance, if any. */
    static StatusPageModel of(Optional<WhatsAppPlugin> plugin, String xmppDomain, Optional<String> notice) {
        Optional<PluginStatus> status = plugin.map(WhatsAppPlugin::status);
        Optional<String> address = plugin.flatMap(WhatsAppPlugin::gatewaySubdomain).map(sub -> sub + "." + xmppDomain);
        List<String> invalid = plugin.flatMap(WhatsAppPlugin::settings).map(WhatsAppSettings::invalidKeys)
                .orElse(List.of());
        String version = Optional.ofNullable(WhatsAppPlugin.class.getPackage().getImplementationVersion())
                .orElse("?");
        Optional<org.wabridge.openfire.GatewayKeysView> keys = plugin.map(org.wabridge.openfire.GatewayKeysView::of);
        return new StatusPageModel(status, address, invalid, version, notice,
                keys.map(org.wabridge.openfire.GatewayKeysView::jwksUrl),
                keys.map(org.wabridge.openfire.GatewayKeysView::summary));
    }

    /** @return true if the page should offer the "restart gateway component" action */
    public boolean canRestartGateway() {
        return status.map(s -> s.state() == PluginStatus.State.RUNNING || s.state() == PluginStatus.State.FAILED)
                .orElse(false);
    }
}
