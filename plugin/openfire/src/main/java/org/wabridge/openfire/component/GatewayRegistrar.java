/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import java.util.function.Function;

import org.jivesoftware.openfire.component.InternalComponentManager;
import org.wabridge.openfire.WhatsAppSettings;

/** Registers a new gateway component for a settings snapshot. */
@FunctionalInterface
public interface GatewayRegistrar {

    /**
     * @param settings the settings to build the component from
     * @return the handle to remove it again
     * @throws GatewayRegistrationException if Openfire refuses the component
     */
    GatewayHandle register(WhatsAppSettings settings) throws GatewayRegistrationException;

    /**
     * The production registrar: Openfire's {@link InternalComponentManager}.
     *
     * @param services builds the component's services for a settings snapshot
     */
    static GatewayRegistrar openfire(Function<WhatsAppSettings, GatewayServices> services) {
        return settings -> GatewayRegistration.register(InternalComponentManager.getInstance(), settings.subdomain(),
                new InOrderGateway(new WhatsAppComponent(settings.gatewayName(), settings.componentThreads(),
                        settings.componentQueue(), services.apply(settings)), settings.componentThreads(),
                        settings.componentQueue()));
    }
}
