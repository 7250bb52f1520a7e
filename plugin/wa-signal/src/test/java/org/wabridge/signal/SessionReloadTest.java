/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wabridge.signal.TestDevice.utf8;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wabridge.core.signal.CiphertextKind;
import org.wabridge.core.signal.DuplicateMessageException;
import org.wabridge.core.signal.EncryptedMessage;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.store.jdbc.ConnectionProvider;
import org.wabridge.store.jdbc.JdbcSchema;
import org.wabridge.store.jdbc.JdbcSignalStores;

/**
 * Sessions, identities, prekeys and sender keys survive a restart: both devices keep their state in JDBC stores on
 * an embedded HSQLDB (sharing its tables, as bridged accounts do), and are reopened from the database mid-conversation.
 */
class SessionReloadTest {

    private static final String GROUP = "120363000000000077@g.us";

    private ConnectionProvider connections;

    @BeforeEach
    void database() throws Exception {
        String url = "jdbc:hsqldb:mem:reload-" + UUID.randomUUID();
        connections = () -> DriverManager.getConnection(url, "SA", "");
        JdbcSchema.installIfMissing(connections);
    }

    @AfterEach
    void shutdown() throws Exception {
        try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    private TestDevice open(String name, int device) {
        return new TestDevice(name, device, JdbcSignalStores.open(connections, name + ":" + device),
                IdentityTrustPolicy.ACCEPT_AND_REPORT);
    }

    @ParameterizedTest(name = "kyber={0}")
    @ValueSource(booleans = {false, true})
    void conversationContinuesAfterBothSidesReloadTheirStores(boolean kyber) throws Exception {
        // Given Alice and Bob talked over JDBC-backed stores, and one message is still in flight
        TestDevice alice = open("alice", 0);
        TestDevice bob = open("bob", 1);
        alice.crypto.buildSession(bob.address, bob.publishBundle(true, kyber));
        EncryptedMessage hello = alice.crypto.encrypt(bob.address, utf8("hello"));
        bob.crypto.decrypt(alice.address, hello.kind(), hello.ciphertext());
        EncryptedMessage reply = bob.crypto.encrypt(alice.address, utf8("reply"));
        alice.crypto.decrypt(bob.address, reply.kind(), reply.ciphertext());
        EncryptedMessage inFlight = alice.crypto.encrypt(bob.address, utf8("sent before the restart"));
        bob.crypto.processSenderKeyDistribution(GROUP, alice.address, alice.crypto.createSenderKeyDistribution(GROUP));
        byte[] aliceIdentity = alice.crypto.localIdentity().identityKey();

        // When both restart: new adapters over stores opened again from the database
        TestDevice aliceAgain = open("alice", 0);
        TestDevice bobAgain = open("bob", 1);

        // Then identities, sessions and sender keys are all still there
        assertArrayEquals(aliceIdentity, aliceAgain.crypto.localIdentity().identityKey());
        assertArrayEquals(utf8("sent before the restart"),
                bobAgain.crypto.decrypt(alice.address, inFlight.kind(), inFlight.ciphertext()).plaintext());
        assertThrows(DuplicateMessageException.class,
                () -> bobAgain.crypto.decrypt(alice.address, hello.kind(), hello.ciphertext()));
        for (int i = 0; i < 3; i++) {
            EncryptedMessage ping = aliceAgain.crypto.encrypt(bob.address, utf8("ping " + i));
            assertEquals(CiphertextKind.MSG, ping.kind());
            assertArrayEquals(utf8("ping " + i),
                    bobAgain.crypto.decrypt(alice.address, ping.kind(), ping.ciphertext()).plaintext());
            EncryptedMessage pong = bobAgain.crypto.encrypt(alice.address, utf8("pong " + i));
            assertArrayEquals(utf8("pong " + i),
                    aliceAgain.crypto.decrypt(bob.address, pong.kind(), pong.ciphertext()).plaintext());
        }
        EncryptedMessage group = aliceAgain.crypto.groupEncrypt(GROUP, utf8("group after restart"));
        assertArrayEquals(utf8("group after restart"),
                bobAgain.crypto.groupDecrypt(GROUP, alice.address, group.ciphertext()).plaintext());
    }
}
