/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing;

import java.io.File;

import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;

/**
 * Occupies the {@code plugins/admin} slot of the test server. Openfire 4.2.0's PluginMonitor loads a plugin
 * named "admin" before any other (it fails on an empty plugins directory and would otherwise load the first
 * directory it finds under that name). The real admin console webapp is not on Maven Central
 * (openfire-platform.md §5) and the test server runs without admin ports, so this plugin does nothing.
 */
public final class AdminSlotPlugin implements Plugin {

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        // no admin console in the in-process test server
    }

    @Override
    public void destroyPlugin() {
        // nothing was started
    }
}
