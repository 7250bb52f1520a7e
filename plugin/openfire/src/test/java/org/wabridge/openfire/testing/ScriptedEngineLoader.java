/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads the scripted engine double ({@code org.wabridge.openfire.testing.scripted.*}) from the test classes
 * as a child of the plugin's class loader, child-first for that package only: the double then links against
 * the plugin's own copies of WaAccount and WaAccountFactory (which the test class path does not have), while
 * {@link ScriptedEngineControl} still comes from the test's loader, so the test can call it directly.
 */
public final class ScriptedEngineLoader extends ClassLoader {

    private static final String PACKAGE = "org.wabridge.openfire.testing.scripted.";

    public ScriptedEngineLoader(ClassLoader pluginLoader) {
        super(pluginLoader);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                String resource = name.replace('.', '/') + ".class";
                try (InputStream in = ScriptedEngineLoader.class.getClassLoader().getResourceAsStream(resource)) {
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
}
