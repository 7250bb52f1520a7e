/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A child of the plugin's class loader that defines the classes of some packages from the test class path
 * (child first): the emulator, its WebSocket library and the {@code testing.wa} driver then link against the
 * plugin's own copies of wa-core, wa-signal and libsignal (the failsafe class path has none of them), while
 * {@link WhatsAppSideControl} still comes from the test's loader.
 */
public final class PluginChildLoader extends ClassLoader {

    private static final List<String> PACKAGES = List.of("org.wabridge.emulator.", "org.java_websocket.",
            "org.wabridge.openfire.testing.wa.");

    private final ClassLoader tests = PluginChildLoader.class.getClassLoader();

    public PluginChildLoader(ClassLoader pluginLoader) {
        super(pluginLoader);
    }

    private static boolean ours(String name) {
        return PACKAGES.stream().anyMatch(name::startsWith);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!ours(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try (InputStream in = tests.getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    loaded = defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    /** Resources the plugin does not have (the emulator's own) come from the test class path. */
    @Override
    protected URL findResource(String name) {
        return tests.getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return tests == null ? Collections.emptyEnumeration() : tests.getResources(name);
    }
}
