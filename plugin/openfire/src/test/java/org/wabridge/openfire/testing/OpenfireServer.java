/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.jivesoftware.database.DbConnectionManager;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginListener;
import org.jivesoftware.openfire.user.UserAlreadyExistsException;
import org.jivesoftware.openfire.user.UserManager;
import org.jivesoftware.openfire.user.UserNotFoundException;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/**
 * A real Openfire 4.2.0 running inside the test JVM, with the plugin jar under test installed from the build.
 * {@link org.jivesoftware.openfire.XMPPServer} is a singleton, so there is at most one per JVM; obtain it
 * through {@link OpenfireExtension}.
 *
 * <p>Everything listens on 127.0.0.1 only; c2s uses a free port chosen at start. The plugin monitor scans
 * {@code plugins/} every 5 s (Openfire 4.2.0 reads the system property {@code developmentMode} for that;
 * {@code plugins.loading.monitor.interval} only exists from 4.3 on).
 */
public final class OpenfireServer {

    /** XMPP domain of the test server. */
    public static final String DOMAIN = "example.org";
    /** Canonical name of the plugin under test (its jar is whatsapp.jar). */
    public static final String PLUGIN = "whatsapp";
    /** System property naming the built plugin jar (set by the failsafe configuration). */
    public static final String PLUGIN_JAR_PROPERTY = "wabridge.plugin.jar";

    private static final String PASSWORD = "secret-for-tests";
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);
    /** Upper bound for the plugin monitor to notice a jar change (scan every 5 s, plus loading time). */
    public static final Duration PLUGIN_TIMEOUT = Duration.ofSeconds(90);

    private final Path home;
    private final int c2sPort;
    private final int httpBindPort;
    private final XMPPServer server;
    /** The plugin instance whose initializePlugin completed most recently (PluginListener.pluginCreated). */
    private final AtomicReference<Plugin> lastInitialized = new AtomicReference<>();

    private OpenfireServer(Path home, int c2sPort, int httpBindPort, XMPPServer server) {
        this.home = home;
        this.c2sPort = c2sPort;
        this.httpBindPort = httpBindPort;
        this.server = server;
        server.getPluginManager().addPluginListener(new PluginListener() {
            @Override
            public void pluginCreated(String name, Plugin plugin) {
                if (PLUGIN.equals(name)) {
                    lastInitialized.set(plugin);
                }
            }

            @Override
            public void pluginDestroyed(String name, Plugin plugin) {
                // unloading is observed through the plugin map and the plugin directory
            }
        });
    }

    /** Boots a server in a fresh temporary home; blocks until c2s accepts connections. */
    static OpenfireServer boot() throws IOException {
        Path home = Files.createTempDirectory("openfire-it-");
        int port = freeLoopbackPort();
        int httpBindPort = freeLoopbackPort();
        OpenfireHome.create(home, DOMAIN, port, httpBindPort, PASSWORD);
        System.setProperty("openfireHome", home.toString());
        System.setProperty("developmentMode", "true");
        XMPPServer server = new XMPPServer();
        OpenfireServer started = new OpenfireServer(home, port, httpBindPort, server);
        if (!waitUntil(BOOT_TIMEOUT, started::c2sAcceptsConnections)) {
            throw new IllegalStateException("Openfire did not open c2s on 127.0.0.1:" + port + " within "
                    + BOOT_TIMEOUT + "; warnings and errors: " + CapturingAppender.since(0).stream()
                    .filter(r -> !"INFO".equals(r.level()) && !"DEBUG".equals(r.level())).toList());
        }
        return started;
    }

    void stop() {
        server.stop();
    }

    public Path home() {
        return home;
    }

    public int c2sPort() {
        return c2sPort;
    }

    /** The plain-HTTP port of Openfire's HTTP-bind (BOSH) server, on 127.0.0.1; TLS is off in tests. */
    public int httpBindPort() {
        return httpBindPort;
    }

    public XMPPServer xmppServer() {
        return server;
    }

    /** @return the jar produced by the build, as named by the failsafe configuration */
    public static Path builtPluginJar() {
        String jar = System.getProperty(PLUGIN_JAR_PROPERTY);
        if (jar == null) {
            throw new IllegalStateException("system property " + PLUGIN_JAR_PROPERTY + " is not set");
        }
        Path path = Path.of(jar);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("plugin jar not built: " + path);
        }
        return path;
    }

    /** @return {@code plugins/whatsapp.jar} in the server home */
    public Path installedJar() {
        return home.resolve("plugins").resolve(PLUGIN + ".jar");
    }

    /** Copies the built jar into {@code plugins/}, as an administrator would. */
    public void copyPluginJar() {
        try {
            Files.copy(builtPluginJar(), installedJar(), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code plugins/whatsapp.jar}; the plugin monitor then unloads the plugin. */
    public void deletePluginJar() {
        try {
            Files.deleteIfExists(installedJar());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the loaded plugin instance (tests may use any 4.2.0 API; the plugin may not) */
    public Optional<Plugin> plugin() {
        return Optional.ofNullable(server.getPluginManager().getPlugin(PLUGIN));
    }

    /**
     * Waits until the plugin is loaded and its initializePlugin has returned (Openfire puts the instance in
     * its plugin map before initializing it, and reports completion to plugin listeners).
     */
    public boolean awaitPluginLoaded() {
        return waitUntil(PLUGIN_TIMEOUT, () -> {
            Optional<Plugin> loaded = plugin();
            return loaded.isPresent() && loaded.get() == lastInitialized.get();
        });
    }

    public boolean awaitPluginUnloaded() {
        return waitUntil(PLUGIN_TIMEOUT, () -> plugin().isEmpty()
                && !Files.exists(home.resolve("plugins").resolve(PLUGIN)));
    }

    /** Creates the user if needed and returns a logged-in Smack connection (caller disconnects). */
    public XMPPTCPConnection connect(String username) throws IOException, InterruptedException {
        return connect(username, c -> { });
    }

    /**
     * As {@link #connect(String)}, running {@code beforeLogin} on the connected but not yet logged-in
     * connection (to register stanza listeners that must see offline messages delivered at login).
     */
    public XMPPTCPConnection connect(String username, java.util.function.Consumer<XMPPTCPConnection> beforeLogin)
            throws IOException, InterruptedException {
        return connect(username, "it", beforeLogin);
    }

    /** As {@link #connect(String, java.util.function.Consumer)} with the given resource (a second client). */
    public XMPPTCPConnection connect(String username, String resource,
                                     java.util.function.Consumer<XMPPTCPConnection> beforeLogin)
            throws IOException, InterruptedException {
        ensureUser(username);
        try {
            XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(DOMAIN)
                    .setHostAddress(InetAddress.getLoopbackAddress())
                    .setPort(c2sPort)
                    .setUsernameAndPassword(username, PASSWORD)
                    .setResource(resource)
                    .setSecurityMode(SecurityMode.disabled)
                    .setConnectTimeout(20_000)
                    .build();
            XMPPTCPConnection connection = new XMPPTCPConnection(config);
            connection.setReplyTimeout(20_000);
            connection.connect();
            beforeLogin.accept(connection);
            connection.login();
            return connection;
        } catch (XMPPException | SmackException e) {
            throw new IOException("cannot log in " + username + " on 127.0.0.1:" + c2sPort, e);
        }
    }

    private static void ensureUser(String username) {
        UserManager users = UserManager.getInstance();
        try {
            users.getUser(username);
        } catch (UserNotFoundException missing) {
            try {
                users.createUser(username, PASSWORD, username, username + "@" + DOMAIN);
            } catch (UserAlreadyExistsException raced) {
                // created concurrently: fine
            }
        }
    }

    /** @return the version recorded in {@code ofVersion} for {@code name}, if any */
    public Optional<Integer> schemaVersion(String name) {
        try (Connection con = DbConnectionManager.getConnection();
             PreparedStatement stmt = con.prepareStatement("SELECT version FROM ofVersion WHERE name=?")) {
            stmt.setString(1, name);
            try (ResultSet rs = stmt.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read ofVersion", e);
        }
    }

    /** @return the column names of a table, upper case as HSQLDB reports them; empty if it does not exist */
    public List<String> columns(String table) {
        try (Connection con = DbConnectionManager.getConnection();
             ResultSet rs = con.getMetaData().getColumns(null, null, table.toUpperCase(java.util.Locale.ROOT), null)) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME"));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read table metadata", e);
        }
    }

    private boolean c2sAcceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), c2sPort), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Polls the condition every 100 ms until it holds or the timeout passes. */
    public static boolean waitUntil(Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
