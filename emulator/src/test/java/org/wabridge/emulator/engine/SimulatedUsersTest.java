/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.media.MediaEncryptor;
import org.wabridge.core.media.MediaKeys;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.Edit;
import org.wabridge.core.message.MediaBlob;
import org.wabridge.core.message.MediaContent;
import org.wabridge.core.message.MediaKind;
import org.wabridge.core.message.Octets;
import org.wabridge.core.message.Reaction;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.message.Revoke;
import org.wabridge.core.message.TextContent;
import org.wabridge.emulator.sim.Behaviour;
import org.wabridge.emulator.sim.InboxEntry;
import org.wabridge.emulator.sim.SimulatedUser;
import org.wabridge.emulator.sim.SimulatedUserException;
import org.wabridge.emulator.sim.SimulatedUserSpec;
import org.wabridge.emulator.sim.SimulatedUsers;

/**
 * Simulated WhatsApp users (issue 5, §9.3): real engines with consumer logins, real libsignal, real sockets and
 * the real media host, talking to each other and to an interop engine as the bridge would run it.
 */
class SimulatedUsersTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    Path dir;
    private EngineTestBed bed;
    private SimulatedUsers users;

    @BeforeEach
    void start() throws Exception {
        bed = new EngineTestBed(dir);
        users = bed.emulator.simulatedUsers();
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    private static String accepted(SendResult r) {
        return assertInstanceOf(SendResult.Accepted.class, r, r.toString()).messageId();
    }

    private static Predicate<InboxEntry> kind(InboxEntry.Kind kind, String id) {
        return e -> e.kind() == kind && e.messageId().equals(id);
    }

    private static Predicate<InboxEntry> receipt(Receipt.Type type, String id) {
        return e -> e.kind() == InboxEntry.Kind.RECEIPT && e.receipt().get().type() == type
                && e.receipt().get().messageIds().contains(id);
    }

    @Test
    void twoWhatsAppUsersExchangeEveryMessageKind() throws Exception {
        SimulatedUser ann = users.create(SimulatedUserSpec.of("+491700000001", Behaviour.NONE));
        SimulatedUser ben = users.create(SimulatedUserSpec.of("491700000002", Behaviour.NONE));
        assertEquals("491700000002@s.whatsapp.net", ben.jid());

        String hello = accepted(ann.sendText(ben.jid(), "hello Ben"));
        InboxEntry text = ben.await(kind(InboxEntry.Kind.TEXT, hello), WAIT);
        assertEquals(Optional.of("hello Ben"), text.text());
        assertEquals(ann.jid(), text.chatJid());
        assertFalse(text.fromMe());
        ann.await(receipt(Receipt.Type.DELIVERED, hello), WAIT);

        accepted(ben.sendReceipt(ann.phone(), Receipt.Type.READ, List.of(hello)));
        ann.await(receipt(Receipt.Type.READ, hello), WAIT);

        String reply = accepted(ben.reply(ann.jid(), hello, false, "hi Ann"));
        InboxEntry gotReply = ann.await(kind(InboxEntry.Kind.REPLY, reply), WAIT);
        assertEquals(hello, ((TextContent) gotReply.content().get()).reply().get().quotedId());
        assertEquals(Optional.of("hi Ann"), gotReply.text());

        String react = accepted(ann.react(ben.jid(), reply, false, "👍"));
        Reaction reaction = (Reaction) ben.await(kind(InboxEntry.Kind.REACTION, react), WAIT).content().get();
        assertEquals("👍", reaction.emoji());
        assertEquals(reply, reaction.target().id());

        String edit = accepted(ann.edit(ben.jid(), hello, "hello Ben, edited"));
        Edit edited = (Edit) ben.await(kind(InboxEntry.Kind.EDIT, edit), WAIT).content().get();
        assertEquals(hello, edited.target().id());
        assertEquals("hello Ben, edited", ((TextContent) edited.newContent()).body());

        String revoke = accepted(ann.revoke(ben.jid(), hello));
        assertEquals(hello, ((Revoke) ben.await(kind(InboxEntry.Kind.REVOKE, revoke), WAIT).content().get())
                .target().id());

        byte[] picture = new byte[70_000];
        new SecureRandom().nextBytes(picture);
        String photo = accepted(ann.sendMedia(ben.jid(), MediaKind.IMAGE, picture, "image/jpeg",
                Optional.of("a photo")));
        assertEquals(1, bed.emulator.storedMediaCount(), "the blob went to the media host");
        InboxEntry media = ben.await(kind(InboxEntry.Kind.MEDIA, photo), WAIT);
        MediaContent content = (MediaContent) media.content().get();
        assertEquals(MediaKind.IMAGE, content.kind());
        assertEquals(Optional.of("a photo"), content.caption());
        assertTrue(content.blob().directPath().get().startsWith("/v/"), content.blob().directPath().get());
        assertArrayEquals(picture, ben.mediaOf(media), "downloaded from the media host and decrypted");

        accepted(ben.typing(ann.jid(), ChatState.State.COMPOSING, false));
        InboxEntry typing = ann.await(e -> e.kind() == InboxEntry.Kind.CHAT_STATE, WAIT);
        assertEquals(ben.jid(), typing.chatJid());
        assertEquals(ChatState.State.COMPOSING, typing.chatState().get().state());
        accepted(ben.typing(ann.jid(), ChatState.State.PAUSED, false));
        ann.await(e -> e.kind() == InboxEntry.Kind.CHAT_STATE && e.chatState().get().state() == ChatState.State.PAUSED,
                WAIT);
    }

    @Test
    void multiDeviceUserGetsMessagesOnEveryDeviceAndOwnDeviceCopies() throws Exception {
        SimulatedUser ann = users.create(SimulatedUserSpec.of("491700000001", Behaviour.NONE));
        SimulatedUser cem = users.create(SimulatedUserSpec.of("491700000003", Behaviour.NONE).withDevices(2));
        assertEquals(List.of(0, 1), cem.devices());
        assertTrue(bed.emulator.isOnline("491700000003", 1));

        String toCem = accepted(ann.sendText(cem.jid(), "to both devices"));
        cem.await(e -> e.device() == 0 && e.messageId().equals(toCem), WAIT);
        cem.await(e -> e.device() == 1 && e.messageId().equals(toCem), WAIT);

        String fromPhone = accepted(cem.sendText(ann.jid(), "from Cem's phone"));
        assertEquals(Optional.of("from Cem's phone"), ann.await(kind(InboxEntry.Kind.TEXT, fromPhone), WAIT).text());
        InboxEntry copy = cem.await(e -> e.device() == 1 && e.messageId().equals(fromPhone), WAIT);
        assertTrue(copy.fromMe(), "the companion gets the phone's message as its own");
        assertEquals(ann.jid(), copy.chatJid(), "the copy names the chat it was sent to");
        assertEquals(Optional.of("from Cem's phone"), copy.text());
        assertTrue(cem.inbox().matching(e -> e.device() == 0 && e.messageId().equals(fromPhone)).isEmpty(),
                "the sending device gets no copy of its own message");
    }

    @Test
    void echoBotAnswersTheBridgesInteropEngine() throws Exception {
        SimulatedUser echo = users.create(SimulatedUserSpec.of("491700000010", Behaviour.ECHO));
        EngineTestBed.User bridge = bed.interop(31337L);
        bridge.connect();

        SendResult sent = bridge.engine().sendText(echo.jid(), "X-1", "ping from XMPP").toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertEquals("X-1", accepted(sent));
        WaEvent.MessageReceived answer = bridge.events().next(WaEvent.MessageReceived.class);
        assertEquals(echo.jid(), answer.chatJid());
        assertEquals("ping from XMPP", assertInstanceOf(TextContent.class, answer.content()).body());
        assertEquals(Optional.of("ping from XMPP"), echo.await(kind(InboxEntry.Kind.TEXT, "X-1"), WAIT).text());
        assertEquals(List.of("X-1"), bridge.events().next(WaEvent.ReceiptReceived.class).receipt().messageIds());
    }

    @Test
    void offlineUserGetsQueuedMessagesWhenItComesOnline() throws Exception {
        SimulatedUser ann = users.create(SimulatedUserSpec.of("491700000001", Behaviour.NONE));
        SimulatedUser dora = users.create(SimulatedUserSpec.of("491700000004", Behaviour.OFFLINE));
        assertFalse(dora.isOnline());
        assertFalse(bed.emulator.isOnline(dora.phone(), 0));

        String first = accepted(ann.sendText(dora.jid(), "while you were away"));
        String second = accepted(ann.sendText(dora.jid(), "and another one"));
        assertEquals(2, bed.emulator.directory().pendingFor(dora.phone(), 0), "both wait in the emulator's queue");
        assertTrue(dora.inbox().all().isEmpty());

        dora.setOnline(true);
        assertEquals(Optional.of("while you were away"), dora.await(kind(InboxEntry.Kind.TEXT, first), WAIT).text());
        assertEquals(Optional.of("and another one"), dora.await(kind(InboxEntry.Kind.TEXT, second), WAIT).text());
        ann.await(receipt(Receipt.Type.DELIVERED, second), WAIT);
    }

    @Test
    void userWithoutOptInRejectsTheBridgeButNotOtherWhatsAppUsers() throws Exception {
        SimulatedUser eve = users.create(SimulatedUserSpec.of("491700000005", Behaviour.NONE).withOptIn(false));
        EngineTestBed.User bridge = bed.interop(31337L);
        bridge.connect();
        SendResult r = bridge.engine().sendText(eve.jid(), "X-2", "hello?").toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertEquals(SendResult.Reason.NOT_OPTED_IN, assertInstanceOf(SendResult.Rejected.class, r, r.toString())
                .reason());
        assertTrue(eve.inbox().matching(InboxEntry::isMessage).isEmpty());

        SimulatedUser ann = users.create(SimulatedUserSpec.of("491700000001", Behaviour.NONE));
        String id = accepted(ann.sendText(eve.jid(), "WhatsApp to WhatsApp is not third-party"));
        eve.await(kind(InboxEntry.Kind.TEXT, id), WAIT);
    }

    @Test
    void delayedReaderReadsWhenItsSchedulerFires() throws Exception {
        List<Runnable> due = new ArrayList<>();
        List<Duration> delays = new ArrayList<>();
        users.useDelayScheduler((delay, task) -> {
            synchronized (due) {
                delays.add(delay);
                due.add(task);
                due.notifyAll();
            }
        });
        SimulatedUser ann = users.create(SimulatedUserSpec.of("491700000001", Behaviour.NONE));
        SimulatedUser rita = users.create(SimulatedUserSpec.of("491700000006", Behaviour.READER)
                .withReadDelay(Duration.ofSeconds(7)));

        String id = accepted(ann.sendText(rita.jid(), "read me later"));
        ann.await(receipt(Receipt.Type.DELIVERED, id), WAIT);
        Runnable task;
        synchronized (due) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (due.isEmpty() && System.nanoTime() < deadline) {
                due.wait(1000);
            }
            assertEquals(List.of(Duration.ofSeconds(7)), delays);
            task = due.remove(0);
        }
        assertTrue(ann.inbox().matching(receipt(Receipt.Type.READ, id)).isEmpty(), "not read before the delay");
        task.run();
        InboxEntry read = ann.await(receipt(Receipt.Type.READ, id), WAIT);
        assertEquals(rita.jid(), read.chatJid());
    }

    @Test
    void registryRefusesDuplicatesAndRemovesAccounts() throws Exception {
        users.create(SimulatedUserSpec.of("491700000001", Behaviour.NONE));
        SimulatedUserException dup = assertThrows(SimulatedUserException.class,
                () -> users.create(SimulatedUserSpec.of("+491700000001", Behaviour.ECHO)));
        assertEquals(SimulatedUserException.Problem.ALREADY_EXISTS, dup.problem());
        assertTrue(users.remove("+491700000001"));
        assertFalse(bed.emulator.directory().exists("491700000001"));
        assertFalse(users.remove("491700000001"));
        assertEquals(SimulatedUserException.Problem.UNKNOWN_USER,
                assertThrows(SimulatedUserException.class, () -> users.get("491700000001")).problem());
        SimulatedUser again = users.create(SimulatedUserSpec.of("491700000001", Behaviour.NONE));
        assertTrue(again.isOnline() && bed.emulator.isOnline("491700000001", 0), "the number can be used again");
    }

    @Test
    void mediaFromTheBridgeIsFetchedThroughTheMediaProxyAndDecrypted() throws Exception {
        SimulatedUser fay = users.create(SimulatedUserSpec.of("491700000007", Behaviour.NONE));
        EngineTestBed.User bridge = bed.interop(31337L);
        bridge.connect();
        byte[] file = "a voice note from XMPP".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MediaKeys keys = MediaKeys.generate(MediaKind.VOICE.mediaType(), new SecureRandom());
        MediaEncryptor.EncryptedBlob enc = MediaEncryptor.encrypt(file, keys);
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        provider.createContext("/media/v.enc", ex -> {
            ex.sendResponseHeaders(200, enc.blob().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(enc.blob());
            }
        });
        provider.start();
        try {
            String url = "http://127.0.0.1:" + provider.getAddress().getPort() + "/media/v.enc";
            MediaContent voice = MediaContent.of(MediaKind.VOICE, new MediaBlob("audio/ogg", file.length,
                    Octets.of(enc.digests().fileSha256()), Octets.of(enc.digests().fileEncSha256()),
                    Octets.of(keys.mediaKey()), Optional.empty(), Optional.of(url), OptionalLong.empty()));
            accepted(bridge.engine().sendMessage(fay.jid(), "X-3", voice).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS));
            InboxEntry got = fay.await(kind(InboxEntry.Kind.MEDIA, "X-3"), WAIT);
            assertArrayEquals(file, fay.mediaOf(got));
        } finally {
            provider.stop(0);
        }
    }
}
