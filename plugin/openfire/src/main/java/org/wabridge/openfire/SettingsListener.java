/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import java.util.Map;
import java.util.Objects;

import org.jivesoftware.util.PropertyEventListener;

/**
 * The plugin's single {@link PropertyEventListener}: forwards changes of {@code plugin.whatsapp.*} keys to
 * one callback and ignores every other property (the dispatcher calls every listener for every key).
 */
final class SettingsListener implements PropertyEventListener {

    private final Runnable onChange;

    SettingsListener(Runnable onChange) {
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    @Override
    public void propertySet(String property, Map<String, Object> params) {
        changed(property);
    }

    @Override
    public void propertyDeleted(String property, Map<String, Object> params) {
        changed(property);
    }

    @Override
    public void xmlPropertySet(String property, Map<String, Object> params) {
        // the plugin keeps nothing in openfire.xml
    }

    @Override
    public void xmlPropertyDeleted(String property, Map<String, Object> params) {
        // the plugin keeps nothing in openfire.xml
    }

    private void changed(String property) {
        if (WhatsAppSettings.isOwnKey(property)) {
            onChange.run();
        }
    }
}
