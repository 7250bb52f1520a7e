/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

/** A registered gateway component that can be removed again; the plugin keeps one per registration. */
public interface GatewayHandle {

    /** @return the subdomain the component was registered at */
    String subdomain();

    /** @return the registered component */
    WhatsAppComponent component();

    /** Removes the registration; the component is shut down. Called at most once per handle. */
    void unregister();
}
