/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.keys;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;

import org.jivesoftware.openfire.http.HttpBindManager;

/**
 * Publishes servlets on Openfire's HTTP-bind server (the BOSH/WebSocket port, 7070/7443 by default), which has no
 * admin authentication, unlike the admin console where {@code AuthCheckFilter} wildcard excludes are disabled on
 * 5.x. Jetty is reached only by reflection: Openfire 4.x ships Jetty 9 ({@code org.eclipse.jetty.servlet}) and
 * 5.x Jetty 12's EE8 environment ({@code org.eclipse.jetty.ee8.servlet}), and {@code addJettyHandler} takes a
 * different type on each, so linking either would break the other.
 */
public final class HttpBindEndpoint implements PublicHttpEndpoint {

    private static final String[] SERVLET_PACKAGES = {"org.eclipse.jetty.ee8.servlet", "org.eclipse.jetty.servlet"};
    private static final int NO_SESSIONS = 0;

    @Override
    public Published publish(String contextPath, String servletPath, HttpServlet servlet)
            throws PublicEndpointException {
        try {
            String pkg = servletPackage();
            ClassLoader loader = HttpBindManager.class.getClassLoader();
            Class<?> contextClass = Class.forName(pkg + ".ServletContextHandler", true, loader);
            Class<?> holderClass = Class.forName(pkg + ".ServletHolder", true, loader);
            Object context = contextClass.getConstructor(int.class).newInstance(NO_SESSIONS);
            contextClass.getMethod("setContextPath", String.class).invoke(context, contextPath);
            Object holder = holderClass.getConstructor(Servlet.class).newInstance(servlet);
            contextClass.getMethod("addServlet", holderClass, String.class).invoke(context, holder, servletPath);
            HttpBindManager manager = HttpBindManager.getInstance();
            Method add = handlerMethod("addJettyHandler", context.getClass());
            Method remove = handlerMethod("removeJettyHandler", context.getClass());
            add.invoke(manager, context);
            if (!(Boolean) context.getClass().getMethod("isStarted").invoke(context)) {
                context.getClass().getMethod("start").invoke(context); // Jetty 9 does not start late additions
            }
            return () -> {
                try {
                    remove.invoke(manager, context);
                    context.getClass().getMethod("stop").invoke(context);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot remove " + contextPath + " from the HTTP-bind server", e);
                }
            };
        } catch (InvocationTargetException e) {
            throw new PublicEndpointException("HTTP-bind server refused " + contextPath + servletPath, e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new PublicEndpointException("cannot publish " + contextPath + servletPath
                    + " on the HTTP-bind server of this Openfire version", e);
        }
    }

    private static String servletPackage() throws ClassNotFoundException {
        ClassLoader loader = HttpBindManager.class.getClassLoader();
        for (String pkg : SERVLET_PACKAGES) {
            try {
                Class.forName(pkg + ".ServletContextHandler", false, loader);
                return pkg;
            } catch (ClassNotFoundException absent) {
                // try the next Jetty generation
            }
        }
        throw new ClassNotFoundException("no Jetty ServletContextHandler in " + String.join(" or ", SERVLET_PACKAGES));
    }

    /** The one-argument overload that accepts this handler type. */
    private static Method handlerMethod(String name, Class<?> handlerType) throws NoSuchMethodException {
        for (Method m : HttpBindManager.class.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1
                    && m.getParameterTypes()[0].isAssignableFrom(handlerType)) {
                return m;
            }
        }
        throw new NoSuchMethodException("HttpBindManager." + name + "(" + handlerType.getName() + ")");
    }
}
