/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jivesoftware.openfire.container.PluginServlet;
import org.jivesoftware.util.PropertyEventDispatcher;

/**
 * Read-only views of Openfire 4.2.0 internals that have no public getter, for asserting that an unloaded
 * plugin left nothing registered. Reflection is confined to tests; the plugin itself never does this.
 */
public final class ServerInternals {

    /** Names of the threads the plugin itself starts (NamedThreadFactory). */
    private static final Pattern PLUGIN_THREAD = Pattern.compile("whatsapp-.*");

    private ServerInternals() {
    }

    /**
     * Tinder's AbstractComponent runs stanzas on its own pool with JDK default thread names, so its threads
     * cannot be told apart by name; this returns that pool to check that it was terminated.
     */
    public static java.util.concurrent.ThreadPoolExecutor tinderWorkers(org.xmpp.component.AbstractComponent c) {
        try {
            Field field = org.xmpp.component.AbstractComponent.class.getDeclaredField("executor");
            field.setAccessible(true);
            return (java.util.concurrent.ThreadPoolExecutor) field.get(c);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Tinder 1.3.0 internals changed: AbstractComponent.executor", e);
        }
    }

    /** @return the class loaders of all registered property listeners */
    public static List<ClassLoader> propertyListenerLoaders() {
        Collection<?> listeners = (Collection<?>) staticField(PropertyEventDispatcher.class, "listeners");
        return listeners.stream().map(l -> l.getClass().getClassLoader()).collect(Collectors.toList());
    }

    /** @return the registered plugin servlet whose path ends with {@code suffix} */
    public static javax.servlet.GenericServlet pluginServlet(String suffix) {
        Map<?, ?> servlets = (Map<?, ?>) staticField(PluginServlet.class, "servlets");
        return servlets.entrySet().stream().filter(e -> String.valueOf(e.getKey()).endsWith(suffix))
                .map(e -> (javax.servlet.GenericServlet) e.getValue()).findFirst()
                .orElseThrow(() -> new AssertionError("no plugin servlet registered at *" + suffix));
    }

    /** @return the classes of all registered property listeners */
    public static List<String> propertyListenerClasses() {
        Collection<?> listeners = (Collection<?>) staticField(PropertyEventDispatcher.class, "listeners");
        return listeners.stream().map(l -> l.getClass().getName()).collect(Collectors.toList());
    }

    /** @return the paths of all plugin servlets currently registered with the admin console */
    public static Set<String> pluginServletPaths() {
        Map<?, ?> servlets = (Map<?, ?>) staticField(PluginServlet.class, "servlets");
        return servlets.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
    }

    /** @return live threads that a plugin could have started and that are not in {@code before} */
    public static List<String> newPluginThreads(Set<Long> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !before.contains(t.getId()))
                .filter(t -> PLUGIN_THREAD.matcher(t.getName()).matches())
                .map(ServerInternals::describe)
                .sorted()
                .collect(Collectors.toList());
    }

    private static String describe(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        StringBuilder out = new StringBuilder(thread.getName());
        for (int i = 0; i < Math.min(stack.length, 12); i++) {
            out.append(i == 0 ? " at " : " < ").append(stack[i]);
        }
        return out.toString();
    }

    /** @return ids of all live threads */
    public static Set<Long> threadIds() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
    }

    private static Object staticField(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Openfire 4.2.0 internals changed: " + owner.getName() + "." + name, e);
        }
    }
}
