/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import java.util.Objects;

import org.jivesoftware.openfire.component.InternalComponentManager;
import org.xmpp.component.ComponentException;

/**
 * Keeps the handle of one registration of {@link WhatsAppComponent} (behind its {@link InOrderGateway}) with
 * Openfire's {@link InternalComponentManager}, so that exactly that component can be removed again.
 */
public final class GatewayRegistration implements GatewayHandle {

    private final InternalComponentManager manager;
    private final String subdomain;
    private final InOrderGateway registered;

    private GatewayRegistration(InternalComponentManager manager, String subdomain, InOrderGateway registered) {
        this.manager = manager;
        this.subdomain = subdomain;
        this.registered = registered;
    }

    /**
     * Registers the component; Openfire then routes {@code <subdomain>.<domain>} to it and starts it.
     *
     * @throws GatewayRegistrationException if Openfire refuses, e.g. because the subdomain is taken
     */
    static GatewayRegistration register(InternalComponentManager manager, String subdomain,
                                        InOrderGateway gateway) throws GatewayRegistrationException {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(subdomain, "subdomain");
        Objects.requireNonNull(gateway, "gateway");
        try {
            manager.addComponent(subdomain, gateway);
        } catch (ComponentException e) {
            throw new GatewayRegistrationException("Openfire refused the gateway component at subdomain '"
                    + subdomain + "'", e);
        }
        return new GatewayRegistration(manager, subdomain, gateway);
    }

    /** Removes the route and shuts the component down (Tinder waits briefly for its workers). */
    @Override
    public void unregister() {
        manager.removeComponent(subdomain, registered);
    }

    @Override
    public String subdomain() {
        return subdomain;
    }

    @Override
    public WhatsAppComponent component() {
        return registered.component();
    }
}
