/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving integration tests a real in-process Openfire 4.2.0 with the freshly built
 * {@code whatsapp.jar} installed and loaded. Use {@code @ExtendWith(OpenfireExtension.class)} and take an
 * {@link OpenfireServer} parameter (constructor, lifecycle or test method).
 *
 * <p>The server is booted once per JVM (Openfire's {@code XMPPServer} is a singleton) and stopped when the
 * JUnit run ends. On first boot the extension records the log position and the plugin's schema row before
 * copying the jar into {@code plugins/}, then waits (bounded) until the plugin is loaded; see
 * {@link FirstInstall}. Tests that unload the plugin must leave it loaded again.
 */
public final class OpenfireExtension implements BeforeAllCallback, ParameterResolver {

    private static final String KEY = OpenfireExtension.class.getName();

    /** What was observed around the first installation of the plugin in this JVM. */
    public record FirstInstall(java.util.Optional<Integer> schemaVersionBefore, int logMarkBefore, int logMarkAfter,
                               boolean loaded, java.util.Set<Long> threadsBefore) {
    }

    private static volatile FirstInstall firstInstall;

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    /** @return the observations of the first plugin install in this JVM */
    public static FirstInstall firstInstall() {
        return firstInstall;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OpenfireServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return server(context);
    }

    private static OpenfireServer server(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(KEY, key -> new Running(bootAndInstall()), Running.class).server;
    }

    private static OpenfireServer bootAndInstall() {
        try {
            OpenfireServer server = OpenfireServer.boot();
            java.util.Optional<Integer> before = server.schemaVersion(OpenfireServer.PLUGIN);
            java.util.Set<Long> threads = ServerInternals.threadIds();
            int mark = CapturingAppender.mark();
            server.copyPluginJar();
            boolean loaded = server.awaitPluginLoaded();
            firstInstall = new FirstInstall(before, mark, CapturingAppender.mark(), loaded, threads);
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot boot the in-process Openfire", e);
        }
    }

    /** Stops the server when JUnit closes the root store at the end of the run. */
    private record Running(OpenfireServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            long start = System.nanoTime();
            System.err.println("[openfire-it] stopping the in-process Openfire");
            server.stop();
            System.err.println("[openfire-it] Openfire stopped in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }
}
