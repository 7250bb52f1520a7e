/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519KeyPair;
import org.wabridge.core.testing.MutableClock;

/** A running emulator with one interop provider, plus helpers to log in interop and consumer devices. */
final class EmulatorFixture implements AutoCloseable {
    static final String PHONE = "491700000001";
    final MutableClock clock = new MutableClock(Instant.now());
    final TokenFactory idp;
    final WaEmulator emulator;
    private final Map<String, X25519KeyPair> deviceKeys = new HashMap<>();

    EmulatorFixture(Path dir, EmulatorConfig base) throws Exception {
        idp = new TokenFactory(dir.resolve("jwks.json"));
        emulator = WaEmulator.start(base.withProviders(List.of(idp.provider())), clock);
    }

    EmulatorFixture(Path dir) throws Exception {
        this(dir, EmulatorConfig.defaults());
    }

    TestClient interop(long account, int device) throws Exception {
        TestClient c = TestClient.tcp(emulator, TestClient.interopPayload(account, device,
                idp.token(Long.toString(account), clock.instant())));
        Node first = c.next();
        if (!first.tag().equals("success")) {
            throw new AssertionError("login failed: " + first);
        }
        return c;
    }

    /** Registers (once) and logs in a simulated WhatsApp user's device. */
    TestClient consumer(String phone, int device, boolean optedIn) throws Exception {
        X25519KeyPair key = deviceKeys.computeIfAbsent(phone + ":" + device, k -> {
            X25519KeyPair kp = X25519.generate(new SecureRandom());
            emulator.directory().addUser(phone, optedIn);
            emulator.directory().addDevice(phone, device, kp.publicKey());
            return kp;
        });
        TestClient c = TestClient.tcp(emulator, TestClient.consumerPayload(Long.parseLong(phone), device), key);
        Node first = c.next();
        if (!first.tag().equals("success")) {
            throw new AssertionError("login failed: " + first);
        }
        return c;
    }

    void register(String phone, boolean optedIn, int... devices) {
        for (int d : devices) {
            deviceKeys.computeIfAbsent(phone + ":" + d, k -> {
                X25519KeyPair kp = X25519.generate(new SecureRandom());
                emulator.directory().addUser(phone, optedIn);
                emulator.directory().addDevice(phone, d, kp.publicKey());
                return kp;
            });
        }
    }

    static Node ping(String id) {
        return Node.builder("iq").attr("id", id).attr("xmlns", "w:p").attr("type", "get")
                .attr("to", WaJid.SERVER).build();
    }

    /** A 1:1 message to {@code phone} with one {@code <enc>} per listed device, body = "enc-for-<device>". */
    static Node message(String id, String phone, int... devices) {
        Node.Builder participants = Node.builder("participants");
        for (int d : devices) {
            participants.child(Node.builder("to").attr("jid", WaJid.of(phone, d, WaJid.USER_SERVER))
                    .child(Node.builder("enc").attr("v", "2").attr("type", "msg")
                            .bytes(("enc-for-" + d).getBytes(java.nio.charset.StandardCharsets.UTF_8)).build())
                    .build());
        }
        return Node.builder("message").attr("id", id).attr("type", "text")
                .attr("to", WaJid.of(phone, WaJid.USER_SERVER)).child(participants.build()).build();
    }

    @Override
    public void close() throws Exception {
        emulator.close();
    }
}
