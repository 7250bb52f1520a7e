/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.wabridge.signal.TestDevice.utf8;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.wabridge.core.signal.EncryptedMessage;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.store.jdbc.ConnectionProvider;
import org.wabridge.store.jdbc.JdbcSchema;
import org.wabridge.store.jdbc.JdbcSignalStores;

/**
 * One account's messages decrypted concurrently by two adapter instances over the same database (as two threads
 * of two processes would): every message decrypts exactly once, because each decrypt and its session write are
 * one unit of work under the account lock. Runs on HSQLDB and on the real PostgreSQL (WABRIDGE_PG_URL; skipped
 * when unset unless WABRIDGE_REQUIRE_PG=1).
 */
class ConcurrentDecryptTest {

    private static final int MESSAGES = 24;

    @Test
    void twoInstancesDecryptOneChainConcurrentlyOnHsqldb() throws Exception {
        String url = "jdbc:hsqldb:mem:concurrent-" + UUID.randomUUID();
        ConnectionProvider connections = () -> DriverManager.getConnection(url, "SA", "");
        JdbcSchema.installIfMissing(connections);
        try {
            decryptConcurrently(connections);
        } finally {
            try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void twoInstancesDecryptOneChainConcurrentlyOnPostgres() throws Exception {
        String url = System.getenv("WABRIDGE_PG_URL");
        if (url == null || url.isBlank()) {
            String reason = "WABRIDGE_PG_URL is not set: PostgreSQL run skipped (WABRIDGE_REQUIRE_PG=1 makes it fail)";
            if ("1".equals(System.getenv("WABRIDGE_REQUIRE_PG"))) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        ConnectionProvider connections = () -> DriverManager.getConnection(url, System.getenv("WABRIDGE_PG_USER"),
                System.getenv("WABRIDGE_PG_PASSWORD"));
        JdbcSchema.installIfMissing(connections);
        decryptConcurrently(connections);
    }

    private static void decryptConcurrently(ConnectionProvider connections) throws Exception {
        // Given Bob (JDBC stores) has a session with Alice and Alice sent a chain of messages
        String bobAccount = "bob-" + UUID.randomUUID();
        TestDevice bob = new TestDevice("bob", 0, JdbcSignalStores.open(connections, bobAccount),
                IdentityTrustPolicy.ACCEPT_AND_REPORT);
        TestDevice alice = TestDevice.inMemory("alice", 0);
        alice.crypto.buildSession(bob.address, bob.publishBundle(true, false));
        EncryptedMessage hello = alice.crypto.encrypt(bob.address, utf8("hello"));
        bob.crypto.decrypt(alice.address, hello.kind(), hello.ciphertext());
        List<EncryptedMessage> chain = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            chain.add(alice.crypto.encrypt(bob.address, utf8("m" + i)));
        }
        // When two adapter instances over the same account decrypt alternate messages at the same time
        TestDevice bobNodeA = new TestDevice("bob", 0, JdbcSignalStores.open(connections, bobAccount),
                IdentityTrustPolicy.ACCEPT_AND_REPORT);
        TestDevice bobNodeB = new TestDevice("bob", 0, JdbcSignalStores.open(connections, bobAccount),
                IdentityTrustPolicy.ACCEPT_AND_REPORT);
        Set<String> decrypted = new ConcurrentSkipListSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                TestDevice instance = node == 0 ? bobNodeA : bobNodeB;
                int first = node;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < MESSAGES; i += 2) {
                        EncryptedMessage message = chain.get(i);
                        byte[] plaintext = instance.crypto.decrypt(alice.address, message.kind(), message.ciphertext())
                                .plaintext();
                        decrypted.add(new String(plaintext, StandardCharsets.UTF_8));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        // Then every message decrypted exactly once, and the session still works afterwards
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < MESSAGES; i++) {
            expected.add("m" + i);
        }
        assertEquals(expected, new TreeSet<>(decrypted));
        EncryptedMessage after = alice.crypto.encrypt(bob.address, utf8("after"));
        assertEquals("after", new String(bob.crypto.decrypt(alice.address, after.kind(), after.ciphertext()).plaintext(),
                StandardCharsets.UTF_8));
    }
}
