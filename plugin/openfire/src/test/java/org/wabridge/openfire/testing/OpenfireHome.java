/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * Writes a fresh Openfire 4.2.0 home directory for an in-process test server (openfire-platform.md §5):
 * {@code conf/openfire.xml} with autosetup on the embedded HSQLDB and loopback-only listeners,
 * {@code conf/security.xml}, empty JKS stores, the project's own core-schema fixture, {@code plugins/} and
 * {@code logs/}.
 */
final class OpenfireHome {

    static final String KEYSTORE_PASSWORD = "changeit";
    private static final String SCHEMA_FIXTURE = "/openfire/openfire_hsqldb.sql";

    private static final String ADMIN_SLOT_PLUGIN_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <plugin>
              <class>org.wabridge.openfire.testing.AdminSlotPlugin</class>
              <name>admin</name>
              <description>Placeholder for the admin console in tests</description>
              <version>4.2.0</version>
            </plugin>
            """;

    private OpenfireHome() {
    }

    static Path create(Path home, String domain, int c2sPort, int httpBindPort, String adminPassword)
            throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Path admin = Files.createDirectories(home.resolve("plugins/admin"));
        Files.writeString(admin.resolve("plugin.xml"), ADMIN_SLOT_PLUGIN_XML, StandardCharsets.UTF_8);
        Files.createDirectories(home.resolve("logs"));
        Path database = Files.createDirectories(home.resolve("resources/database"));
        Path security = Files.createDirectories(home.resolve("resources/security"));
        Files.writeString(home.resolve("conf/openfire.xml"), openfireXml(domain, c2sPort, httpBindPort, adminPassword),
                StandardCharsets.UTF_8);
        Files.writeString(home.resolve("conf/security.xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<security>\n  <encrypt>\n"
                        + "    <algorithm>Blowfish</algorithm>\n  </encrypt>\n</security>\n",
                StandardCharsets.UTF_8);
        try (InputStream schema = OpenfireHome.class.getResourceAsStream(SCHEMA_FIXTURE)) {
            if (schema == null) {
                throw new IOException("test resource missing: " + SCHEMA_FIXTURE);
            }
            Files.copy(schema, database.resolve("openfire_hsqldb.sql"));
        }
        for (String store : new String[] {"keystore", "truststore", "client.truststore"}) {
            writeEmptyKeyStore(security.resolve(store));
        }
        return home;
    }

    private static void writeEmptyKeyStore(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            store.store(out, KEYSTORE_PASSWORD.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create empty JKS store " + file, e);
        }
    }

    /**
     * Plain XML properties are copied into the database during autosetup, so the listener and module
     * settings below apply from the first start.
     */
    private static String openfireXml(String domain, int c2sPort, int httpBindPort, String adminPassword) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <jive>
                  <adminConsole><port>-1</port><securePort>-1</securePort></adminConsole>
                  <locale>en</locale>
                  <network><interface>127.0.0.1</interface></network>
                  <connectionProvider>
                    <className>org.jivesoftware.database.EmbeddedConnectionProvider</className>
                  </connectionProvider>
                  <autosetup>
                    <run>true</run>
                    <locale>en</locale>
                    <xmpp>
                      <domain>%1$s</domain>
                      <fqdn>localhost</fqdn>
                      <socket><ssl><active>false</active></ssl></socket>
                    </xmpp>
                    <database><mode>embedded</mode></database>
                    <admin><email>admin@%1$s</email><password>%3$s</password></admin>
                  </autosetup>
                  <xmpp>
                    <socket>
                      <plain><port>%2$d</port></plain>
                      <ssl><active>false</active></ssl>
                    </socket>
                    <client>
                      <processing><threads>3</threads></processing>
                      <tls><policy>disabled</policy></tls>
                    </client>
                    <server><socket><active>false</active></socket></server>
                    <component>
                      <socket><active>false</active></socket>
                      <ssl><active>false</active></ssl>
                    </component>
                    <multiplex>
                      <socket><active>false</active></socket>
                      <ssl><active>false</active></ssl>
                    </multiplex>
                    <proxy><enabled>false</enabled></proxy>
                  </xmpp>
                  <httpbind>
                    <enabled>true</enabled>
                    <port><plain>%4$d</plain><secure>-1</secure></port>
                  </httpbind>
                  <mediaproxy><enabled>false</enabled></mediaproxy>
                  <flash><crossdomain><enabled>false</enabled></crossdomain></flash>
                  <update><service-enabled>false</service-enabled></update>
                </jive>
                """.formatted(domain, c2sPort, adminPassword, httpBindPort);
    }
}
