/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.binary.Node;
import org.wabridge.core.binary.NodeFrames;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.noise.ClientHandshaker;
import org.wabridge.core.noise.NoiseSocket;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519KeyPair;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;
import org.wabridge.core.transport.ConnectionIntro;
import org.wabridge.core.transport.TcpTransport;

/**
 * A sender whose ciphertext can never be decrypted (a raw protocol client sending garbage and repeating it on
 * every retry receipt): the engine asks for a retry a bounded number of times, then tells the gateway the
 * message is undecryptable and acks it so it does not come back forever (whatsapp-protocol.md §5.8).
 */
class EngineUndecryptableTest {
    private static final String EVE = "491700000005";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private EngineTestBed bed;
    private NoiseSocket eve;

    @BeforeEach
    void start() throws Exception {
        bed = new EngineTestBed(dir);
        SecureRandom random = new SecureRandom();
        X25519KeyPair key = X25519.generate(random);
        bed.emulator.directory().addUser(EVE, true);
        bed.emulator.directory().addDevice(EVE, 0, key.publicKey());
        ProtocolProfile profile = ProtocolProfile.defaults();
        TcpTransport transport = TcpTransport.connect(bed.emulator.tcpAddress(), new ConnectionIntro(null, 6, 3),
                profile.maxFrameSize(), WAIT);
        byte[] payload = ClientPayload.newBuilder().setProduct(ClientPayload.Product.WHATSAPP)
                .setUsername(Long.parseLong(EVE)).setDevice(0).setPassive(true).build().toByteArray();
        eve = new ClientHandshaker(profile, key, new CertificateChainVerifier(bed.emulator.trustAnchor(),
                Clock.systemUTC()), random).handshake(transport, payload);
        assertEquals("success", next().tag());
    }

    @AfterEach
    void stop() throws Exception {
        eve.close("test over");
        bed.close();
    }

    private Node next() throws Exception {
        return NodeFrames.standard().unpack(eve.receive(WAIT));
    }

    private void sendGarbage(WaJid to) throws Exception {
        Node message = Node.builder("message").attr("id", "E-1").attr("type", "text").attr("to", to)
                .child(Node.builder("participants").child(Node.builder("to").attr("jid", to.withDevice(0))
                        .child(Node.builder("enc").attr("v", "2").attr("type", "msg")
                                .bytes("not a signal message".getBytes(StandardCharsets.UTF_8)).build())
                        .build()).build())
                .build();
        eve.send(NodeFrames.standard().pack(message, false));
    }

    @Test
    void boundedRetryReceiptsThenUndecryptableAndAcked() throws Exception {
        EngineTestBed.User bob = bed.consumer("491700000002", true);
        bob.connect();
        WaJid bobJid = WaJid.parse(bob.jid());
        sendGarbage(bobJid);
        int retries = 0;
        while (retries < bed.settings().maxRetryReceipts()) {
            Node n = next();
            if (n.tag().equals("receipt") && "retry".equals(n.attrs().optString("type", ""))) {
                retries++;
                assertEquals("E-1", n.attrs().optString("id", ""));
                assertEquals(String.valueOf(retries), n.child("retry").attrs().optString("count", ""));
                assertEquals(retries > 1, n.child("keys") != null, "fresh keys from the second retry on");
                sendGarbage(bobJid);
            }
        }
        WaEvent.MessageUndecryptable gaveUp = bob.events().next(WaEvent.MessageUndecryptable.class);
        assertEquals("E-1", gaveUp.messageId());
        assertEquals(WaJid.of(EVE, WaJid.USER_SERVER).toString(), gaveUp.chatJid());
        assertTrue(bob.events().allOf(WaEvent.MessageReceived.class).isEmpty());
        // the event is published before the ack reaches the emulator, so wait for the queue to drain
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bed.emulator.directory().pendingFor("491700000002", 0) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, bed.emulator.directory().pendingFor("491700000002", 0), "acked after giving up");
    }
}
