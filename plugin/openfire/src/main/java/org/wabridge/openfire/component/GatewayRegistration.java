/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import java.util.Objects;

import org.jivesoftware.openfire.component.InternalComponentManager;
import org.xmpp.component.ComponentException;

/**
 * Keeps the handle of one registration of {@link WhatsAppComponent} with Openfire's
 * {@link InternalComponentManager}, so that exactly that component can be removed again.
 */
public final class GatewayRegistration implements GatewayHandle {

    private final InternalComponentManager manager;
    private final String subdomain;
    private final WhatsAppComponent component;

    private GatewayRegistration(InternalComponentManager manager, String subdomain, WhatsAppComponent component) {
        this.manager = manager;
        this.subdomain = subdomain;
        this.component = component;
    }

    /**
     * Registers the component; Openfire then routes {@code <subdomain>.<domain>} to it and starts it.
     *
     * @throws GatewayRegistrationException if Openfire refuses, e.g. because the subdomain is taken
     */
    public static GatewayRegistration register(InternalComponentManager manager, String subdomain,
                                               WhatsAppComponent component) throws GatewayRegistrationException {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(subdomain, "subdomain");
        Objects.requireNonNull(component, "component");
        try {
            manager.addComponent(subdomain, component);
        } catch (ComponentException e) {
            throw new GatewayRegistrationException("Openfire refused the gateway component at subdomain '"
                    + subdomain + "'", e);
        }
        return new GatewayRegistration(manager, subdomain, component);
    }

    /** Removes the route and shuts the component down (Tinder waits briefly for its workers). */
    @Override
    public void unregister() {
        manager.removeComponent(subdomain, component);
    }

    @Override
    public String subdomain() {
        return subdomain;
    }

    @Override
    public WhatsAppComponent component() {
        return component;
    }
}
