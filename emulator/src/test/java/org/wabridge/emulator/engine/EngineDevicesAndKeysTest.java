/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.TextContent;
import org.wabridge.emulator.DeviceAddress;

/**
 * Multi-device fan-out with own-device copies (whatsapp-protocol.md §5.4, §6.4), a peer's changed identity
 * (§5.10: notification, new bundle, {@link WaEvent.IdentityChanged}), and the prekey refill after the server's
 * low-count notification (§5.3).
 */
class EngineDevicesAndKeysTest {
    private static final String BOB = "491700000002";

    @TempDir
    Path dir;
    private EngineTestBed bed;
    private EngineTestBed.User alice;

    @BeforeEach
    void start() throws Exception {
        bed = new EngineTestBed(dir);
        alice = bed.interop(31337L);
        alice.connect();
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    private static void send(EngineTestBed.User from, String to, String id, String body) throws Exception {
        SendResult r = from.engine().sendText(to, id, body).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertInstanceOf(SendResult.Accepted.class, r, r.toString());
    }

    @Test
    void everyDeviceOfThePeerGetsTheMessageAndOwnDevicesGetACopy() throws Exception {
        EngineTestBed.User phone = bed.consumerDevice(BOB, 0, true);
        EngineTestBed.User laptop = bed.consumerDevice(BOB, 1, true);
        phone.connect();
        laptop.connect();

        send(alice, phone.jid(), "A-1", "to all of Bob's devices");
        assertEquals("A-1", phone.events().next(WaEvent.MessageReceived.class).messageId());
        assertEquals("A-1", laptop.events().next(WaEvent.MessageReceived.class).messageId());

        send(phone, alice.jid(), "B-1", "from Bob's phone");
        assertEquals("from Bob's phone", assertInstanceOf(TextContent.class,
                alice.events().next(WaEvent.MessageReceived.class).content()).body());
        WaEvent.MessageReceived copy = laptop.events().next(WaEvent.MessageReceived.class);
        assertEquals("B-1", copy.messageId());
        assertEquals(alice.jid(), copy.chatJid(), "the own-device copy names the chat it was sent to");
        assertEquals(Optional.of(WaJid.of(BOB, 0, WaJid.USER_SERVER).toString()), copy.senderJid());
        assertEquals("from Bob's phone", assertInstanceOf(TextContent.class, copy.content()).body());
    }

    @Test
    void peerWithANewIdentityIsReportedAndStillReached() throws Exception {
        EngineTestBed.User bob = bed.consumer(BOB, true);
        bob.connect();
        send(alice, bob.jid(), "A-1", "before");
        bob.events().next(WaEvent.MessageReceived.class);
        bob.engine().disconnect().toCompletableFuture().get(30, TimeUnit.SECONDS);

        EngineTestBed.User reinstalled = bed.reinstalled(bob);
        reinstalled.connect();
        send(alice, reinstalled.jid(), "A-2", "after the reinstall");
        // A-1 may come again first: Bob's ack can lose the race with his disconnect, and WhatsApp then redelivers
        WaEvent.MessageReceived got = reinstalled.events().next(WaEvent.MessageReceived.class,
                m -> m.messageId().equals("A-2"));
        assertEquals("after the reinstall", assertInstanceOf(TextContent.class, got.content()).body());

        WaEvent.IdentityChanged changed = alice.events().next(WaEvent.IdentityChanged.class);
        assertEquals(bob.jid(), changed.jid());
        assertEquals(0, changed.deviceId());
        assertEquals(HexFormat.of().formatHex(reinstalled.crypto().localIdentity().identityKey()),
                changed.fingerprint().replace(" ", ""));
    }

    @Test
    void lowPrekeyNotificationMakesTheEngineRefill() throws Exception {
        EngineTestBed.User bob = bed.consumer(BOB, true);
        bob.connect();
        DeviceAddress bobDevice = new DeviceAddress(BOB, 0, false);
        DeviceAddress stranger = new DeviceAddress("491700000099", 0, false);
        while (bed.emulator.keys().count(bobDevice) > 5) {
            assertTrue(bed.emulator.keys().fetch(bobDevice, stranger).isPresent());
        }
        // alice's bundle fetch takes the pool below 5: the emulator notifies bob, bob uploads the refill batch
        send(alice, bob.jid(), "A-1", "hello");
        bob.events().next(WaEvent.MessageReceived.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (bed.emulator.keys().count(bobDevice) != 4 + 20 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(24, bed.emulator.keys().count(bobDevice), "4 left plus the policy's refill batch of 20");
    }
}
