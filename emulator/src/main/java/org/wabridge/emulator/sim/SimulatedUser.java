/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.sim;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.WaEngine;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.Edit;
import org.wabridge.core.message.MediaContent;
import org.wabridge.core.message.MediaKind;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.MessageRef;
import org.wabridge.core.message.Reaction;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.message.ReplyContext;
import org.wabridge.core.message.Revoke;
import org.wabridge.core.message.TextContent;
import org.wabridge.emulator.sim.SimulatedUserException.Problem;

/**
 * One simulated WhatsApp user: a phone number whose devices (0 = phone, 1… = companions) are real engines
 * logged in to the emulator. Sends go out from the phone (device 0) unless a device is named; every device
 * records what it receives in the shared {@link #inbox()}. Addresses may be full JIDs or bare phone numbers.
 * Send methods block until the emulator acked (or refused) and return the engine's typed {@link SendResult}.
 */
public final class SimulatedUser {
    /** How long a blocking call waits for the engine. */
    static final Duration WAIT = Duration.ofSeconds(60);

    private final SimulatedUserSpec spec;
    private final String jid;
    private final Map<Integer, WaEngine> devices;
    private final Inbox inbox;
    private final SimMedia media;
    private final SecureRandom random;
    private final Map<Long, byte[]> decryptedMedia = new ConcurrentHashMap<>();
    private final IntPredicate emulatorSeesDevice;
    private final Clock clock;
    private volatile boolean online;

    SimulatedUser(SimulatedUserSpec spec, Map<Integer, WaEngine> devices, Inbox inbox, SimMedia media,
                  SecureRandom random, IntPredicate emulatorSeesDevice, Clock clock) {
        this.clock = clock;
        this.spec = spec;
        this.emulatorSeesDevice = emulatorSeesDevice;
        this.jid = WaJid.phone(spec.phone()).toString();
        this.devices = Map.copyOf(devices);
        this.inbox = inbox;
        this.media = media;
        this.random = random;
    }

    public String phone() {
        return spec.phone();
    }

    /** {@code <phone>@s.whatsapp.net}: how peers address this user. */
    public String jid() {
        return jid;
    }

    public SimulatedUserSpec spec() {
        return spec;
    }

    public Behaviour behaviour() {
        return spec.behaviour();
    }

    public Inbox inbox() {
        return inbox;
    }

    /** The engine of one device (for tests that need more than this class offers). */
    public WaEngine engine(int device) {
        WaEngine e = devices.get(device);
        if (e == null) {
            throw new IllegalArgumentException(phone() + " has no device " + device);
        }
        return e;
    }

    public List<Integer> devices() {
        return devices.keySet().stream().sorted().toList();
    }

    /** Whether the user is meant to be online (its devices connected); see {@link #setOnline}. */
    public boolean isOnline() {
        return online;
    }

    /**
     * Connects (true) or disconnects (false) every device. Going online returns once all devices are logged
     * in, so messages queued while offline are being delivered.
     */
    public void setOnline(boolean value) throws SimulatedUserException, InterruptedException {
        if (value) {
            for (Map.Entry<Integer, WaEngine> d : devices.entrySet()) {
                EngineState state = await(d.getValue().connect(SimulatedUsers.CONNECT_REQUEST));
                if (state.phase() != EngineState.Phase.ONLINE) {
                    throw new SimulatedUserException(Problem.LOGIN_FAILED, "device " + d.getKey() + " of "
                            + phone() + " did not come online: " + state.phase());
                }
            }
        } else {
            for (Map.Entry<Integer, WaEngine> d : devices.entrySet()) {
                await(d.getValue().disconnect());
                awaitEmulatorDropped(d.getKey());
            }
        }
        online = value;
    }

    /** The emulator notices a closed socket a moment later; until then it would still route to the device. */
    private void awaitEmulatorDropped(int device) throws SimulatedUserException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (emulatorSeesDevice.test(device)) {
            if (System.nanoTime() > deadline) {
                throw new SimulatedUserException(Problem.TIMEOUT, "the emulator still sees device " + device
                        + " online after it disconnected");
            }
            Thread.sleep(10);
        }
    }

    // ---- sending ---------------------------------------------------------------------------------------

    /** Sends {@code content} from {@code device} with a fresh message id. */
    public SendResult send(int device, String to, MessageContent content)
            throws SimulatedUserException, InterruptedException {
        return await(engine(device).sendMessage(jidOf(to), newMessageId(), content));
    }

    public SendResult sendText(String to, String text) throws SimulatedUserException, InterruptedException {
        return send(0, to, TextContent.of(text));
    }

    /** A text quoting {@code quotedId}; {@code quotedFromMe} says whose message it was. */
    public SendResult reply(String to, String quotedId, boolean quotedFromMe, String text)
            throws SimulatedUserException, InterruptedException {
        String author = quotedFromMe ? jid : jidOf(to);
        return send(0, to, new TextContent(text, Optional.of(new ReplyContext(quotedId, Optional.of(author),
                Optional.empty(), Optional.empty())), List.of()));
    }

    /** Reacts to a message in the chat with {@code to}; an empty emoji removes the reaction. */
    public SendResult react(String to, String targetId, boolean targetFromMe, String emoji)
            throws SimulatedUserException, InterruptedException {
        return send(0, to, new Reaction(MessageRef.of(jidOf(to), targetFromMe, targetId), emoji,
                OptionalLong.of(clock.instant().toEpochMilli())));
    }

    /** Replaces the text of one of this user's own messages. */
    public SendResult edit(String to, String targetId, String newText)
            throws SimulatedUserException, InterruptedException {
        return send(0, to, new Edit(MessageRef.of(jidOf(to), true, targetId), TextContent.of(newText),
                OptionalLong.empty()));
    }

    /** Deletes one of this user's own messages for everyone. */
    public SendResult revoke(String to, String targetId) throws SimulatedUserException, InterruptedException {
        return send(0, to, new Revoke(MessageRef.of(jidOf(to), true, targetId)));
    }

    /** Encrypts and uploads {@code plaintext} to the emulator's media host, then sends the media message. */
    public SendResult sendMedia(String to, MediaKind kind, byte[] plaintext, String mimetype,
                                Optional<String> caption) throws SimulatedUserException, InterruptedException {
        MediaContent content = media.upload(kind, plaintext, mimetype, caption,
                kind == MediaKind.DOCUMENT ? Optional.of("file") : Optional.empty());
        return send(0, to, content);
    }

    public SendResult sendReceipt(String to, Receipt.Type type, List<String> messageIds)
            throws SimulatedUserException, InterruptedException {
        return await(engine(0).sendReceipt(new Receipt(type, jidOf(to), Optional.empty(), messageIds,
                clock.instant())));
    }

    /** Typing ({@code COMPOSING}, optionally recording audio) or stopped typing ({@code PAUSED}). */
    public SendResult typing(String to, ChatState.State state, boolean audio)
            throws SimulatedUserException, InterruptedException {
        return await(engine(0).sendChatState(new ChatState(jidOf(to), Optional.empty(), state, audio)));
    }

    public SendResult setPresence(boolean available) throws SimulatedUserException, InterruptedException {
        return await(engine(0).sendPresence(available));
    }

    public SendResult subscribePresence(String to) throws SimulatedUserException, InterruptedException {
        return await(engine(0).subscribePresence(jidOf(to)));
    }

    // ---- receiving -------------------------------------------------------------------------------------

    /** Waits up to {@code timeout} for the first inbox entry matching {@code test}. */
    public InboxEntry await(java.util.function.Predicate<InboxEntry> test, Duration timeout)
            throws SimulatedUserException, InterruptedException {
        return inbox.await(test, timeout).orElseThrow(() -> new SimulatedUserException(Problem.TIMEOUT,
                phone() + " received nothing matching within " + timeout + "; inbox " + inbox.all()));
    }

    /** Downloads, verifies and decrypts the attachment of a {@link InboxEntry.Kind#MEDIA} entry (cached). */
    public byte[] mediaOf(InboxEntry entry) throws SimulatedUserException, InterruptedException {
        if (!(entry.content().orElse(null) instanceof MediaContent)) {
            throw new IllegalArgumentException(entry + " carries no media");
        }
        byte[] cached = decryptedMedia.get(entry.seq());
        if (cached == null) {
            cached = media.download((MediaContent) entry.content().get());
            decryptedMedia.put(entry.seq(), cached);
        }
        return cached.clone();
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** A WhatsApp-looking message id: {@code 3EB0} and 16 random hex digits. */
    String newMessageId() {
        byte[] raw = new byte[8];
        random.nextBytes(raw);
        return "3EB0" + HexFormat.of().withUpperCase().formatHex(raw);
    }

    /** A full JID as given, or a phone number (with or without +) as {@code <digits>@s.whatsapp.net}. */
    public static String jidOf(String to) {
        String t = to.strip();
        if (t.contains("@")) {
            return t;
        }
        return WaJid.phone(t.startsWith("+") ? t.substring(1) : t).toString();
    }

    static <T> T await(CompletionStage<T> stage) throws SimulatedUserException, InterruptedException {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SimulatedUserException(Problem.TIMEOUT, "the engine did not answer within " + WAIT, e);
        } catch (ExecutionException e) {
            throw new SimulatedUserException(Problem.LOGIN_FAILED, "the engine failed: " + e.getCause(), e);
        }
    }

    /** Disconnects every device (best effort). */
    void close() {
        for (WaEngine e : devices.values()) {
            try {
                e.disconnect().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException ignored) {
                // the emulator closes the sockets anyway
            }
        }
        online = false;
    }

    @Override
    public String toString() { // phone numbers stay out of logs above DEBUG; this is for test output
        return "SimulatedUser[" + behaviour().wireName() + ", " + devices.size() + " device(s)]";
    }
}
