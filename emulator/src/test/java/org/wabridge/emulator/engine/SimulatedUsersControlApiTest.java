/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.emulator.ControlApi;
import org.wabridge.emulator.sim.InboxEntry;
import org.wabridge.emulator.sim.SimulatedUser;

/** The {@code /sim/…} routes: create, send as, read the inbox of, and take simulated users on- and offline. */
class SimulatedUsersControlApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ANN = "491700000001";
    private static final String BEN = "491700000002";
    @TempDir
    Path dir;
    private EngineTestBed bed;
    private ControlApi api;
    private ControlClient client;

    @BeforeEach
    void start() throws Exception {
        bed = new EngineTestBed(dir);
        api = ControlApi.start(bed.emulator, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = new ControlClient(api);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        bed.close();
    }

    private SimulatedUser user(String phone) {
        return bed.emulator.simulatedUsers().find(phone).orElseThrow();
    }

    /** Sends and returns the accepted message id. */
    private String send(Map<String, String> params) throws Exception {
        ControlClient.Reply r = client.post("/sim/send", params);
        assertEquals(200, r.status(), r.json().toString());
        assertEquals("accepted", r.json().getString("result"), r.json().toString());
        return r.json().getString("id");
    }

    private List<JSONObject> inbox(String phone) throws Exception {
        ControlClient.Reply r = client.get("/sim/inbox", Map.of("user", phone));
        assertEquals(200, r.status());
        JSONArray entries = r.json().getJSONArray("entries");
        List<JSONObject> out = new ArrayList<>();
        for (int i = 0; i < entries.length(); i++) {
            out.add(entries.getJSONObject(i));
        }
        return out;
    }

    private static JSONObject only(List<JSONObject> entries, String kind, String id) {
        List<JSONObject> found = entries.stream().filter(e -> e.getString("kind").equals(kind)
                && e.getString("id").equals(id)).toList();
        assertEquals(1, found.size(), kind + " " + id + " in " + entries);
        return found.get(0);
    }

    @Test
    void createSendAndReadRoundTrip() throws Exception {
        ControlClient.Reply created = client.post("/sim/users", Map.of("user", "+" + ANN, "behaviour", "none"));
        assertEquals(200, created.status(), created.json().toString());
        assertEquals(ANN + "@s.whatsapp.net", created.json().getString("jid"));
        assertTrue(created.json().getBoolean("online"));
        ControlClient.Reply echo = client.post("/sim/users", Map.of("user", BEN, "behaviour", "echo",
                "devices", "2"));
        assertEquals(List.of(0, 1), echo.json().getJSONArray("devices").toList());

        String ping = send(Map.of("user", ANN, "to", BEN, "kind", "text", "text", "ping \"quoted\" ✓"));
        user(ANN).await(e -> e.kind() == InboxEntry.Kind.TEXT && e.chatJid().startsWith(BEN), WAIT);
        JSONObject answer = inbox(ANN).stream().filter(e -> e.getString("kind").equals("text")).findFirst()
                .orElseThrow();
        assertEquals("ping \"quoted\" ✓", answer.getString("text"), "the echo bot sent the same text back");
        assertEquals(BEN + "@s.whatsapp.net", answer.getString("chat"));
        assertFalse(answer.getBoolean("fromMe"));

        String reply = send(Map.of("user", ANN, "to", BEN, "kind", "reply", "target", answer.getString("id"),
                "text", "got it"));
        String react = send(Map.of("user", ANN, "to", BEN, "kind", "reaction", "target", answer.getString("id"),
                "emoji", "🎉"));
        String edit = send(Map.of("user", ANN, "to", BEN, "kind", "edit", "target", ping, "text", "ping, edited"));
        String revoke = send(Map.of("user", ANN, "to", BEN, "kind", "revoke", "target", reply));
        byte[] doc = "a small document".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ControlClient.Reply mediaSent = client.post("/sim/send", Map.of("user", ANN, "to", BEN, "kind", "media",
                "mediaKind", "document", "mime", "text/plain"), doc);
        assertEquals("accepted", mediaSent.json().getString("result"), mediaSent.json().toString());
        String media = mediaSent.json().getString("id");
        assertEquals("accepted", client.post("/sim/typing", Map.of("user", ANN, "to", BEN, "state", "composing"))
                .json().getString("result"));
        user(BEN).await(e -> e.device() == 0 && e.messageId().equals(media), WAIT);
        user(BEN).await(e -> e.device() == 0 && e.kind() == InboxEntry.Kind.CHAT_STATE, WAIT);

        List<JSONObject> benInbox = inbox(BEN);
        assertEquals("ping", only(benInbox.stream().filter(e -> e.getInt("device") == 0).toList(), "text", ping)
                .getString("text").substring(0, 4));
        JSONObject gotReply = only(benInbox.stream().filter(e -> e.getInt("device") == 0).toList(), "reply", reply);
        assertEquals(answer.getString("id"), gotReply.getString("quotedId"));
        JSONObject gotReaction = only(benInbox.stream().filter(e -> e.getInt("device") == 1).toList(), "reaction",
                react);
        assertEquals("🎉", gotReaction.getString("emoji"));
        assertFalse(gotReaction.getJSONObject("target").getBoolean("fromMe"),
                "MessageKey.fromMe is the sender's view: Ann reacted to Ben's message, not her own");
        JSONObject gotEdit = only(benInbox.stream().filter(e -> e.getInt("device") == 0).toList(), "edit", edit);
        assertEquals("ping, edited", gotEdit.getString("text"));
        assertEquals(ping, gotEdit.getJSONObject("target").getString("id"));
        assertTrue(gotEdit.getJSONObject("target").getBoolean("fromMe"), "Ann edited her own message");
        assertEquals(reply, only(benInbox.stream().filter(e -> e.getInt("device") == 0).toList(), "revoke", revoke)
                .getJSONObject("target").getString("id"));
        JSONObject gotMedia = only(benInbox.stream().filter(e -> e.getInt("device") == 0).toList(), "media", media)
                .getJSONObject("media");
        assertEquals("document", gotMedia.getString("kind"));
        assertEquals("text/plain", gotMedia.getString("mimetype"));
        assertArrayEquals(doc, Base64.getDecoder().decode(gotMedia.getString("data")));
        assertTrue(benInbox.stream().anyMatch(e -> e.getString("kind").equals("chat_state")
                && e.getString("state").equals("composing")));

        // Ann read the echo: her read receipt reaches Ben (the echo's sender)
        ControlClient.Reply read = client.post("/sim/receipt", Map.of("user", ANN, "to", BEN, "type", "read",
                "ids", answer.getString("id")));
        assertEquals("accepted", read.json().getString("result"), read.json().toString());
        user(BEN).await(e -> e.kind() == InboxEntry.Kind.RECEIPT
                && e.receipt().get().type() == org.wabridge.core.message.Receipt.Type.READ, WAIT);
        JSONObject receipt = inbox(BEN).stream().filter(e -> e.getString("kind").equals("receipt")
                && e.getJSONObject("receipt").getString("type").equals("read")).findFirst().orElseThrow();
        assertEquals(List.of(answer.getString("id")), receipt.getJSONObject("receipt").getJSONArray("ids").toList());
        assertEquals(ANN + "@s.whatsapp.net", receipt.getString("chat"));

        long lastSeq = inbox(ANN).stream().mapToLong(e -> e.getLong("seq")).max().orElseThrow();
        assertTrue(client.get("/sim/inbox", Map.of("user", ANN, "since", String.valueOf(lastSeq))).json()
                .getJSONArray("entries").isEmpty(), "since= returns only newer entries");
        JSONArray listed = client.get("/sim/users", Map.of()).json().getJSONArray("users");
        assertEquals(2, listed.length());
        assertEquals("echo", listed.getJSONObject(1).getString("behaviour"));
    }

    @Test
    void onlineOfflineAndRemoval() throws Exception {
        client.post("/sim/users", Map.of("user", ANN));
        assertFalse(client.post("/sim/online", Map.of("user", ANN, "value", "false")).json().getBoolean("online"));
        assertFalse(bed.emulator.isOnline(ANN, 0));
        client.post("/sim/users", Map.of("user", BEN));
        String id = send(Map.of("user", BEN, "to", ANN, "text", "queued"));
        assertEquals(1, bed.emulator.directory().pendingFor(ANN, 0));
        assertTrue(client.post("/sim/online", Map.of("user", ANN, "value", "true")).json().getBoolean("online"));
        user(ANN).await(e -> e.messageId().equals(id), WAIT);
        assertEquals("queued", only(inbox(ANN), "text", id).getString("text"));

        assertTrue(client.post("/sim/users/remove", Map.of("user", ANN)).json().getBoolean("ok"));
        assertFalse(bed.emulator.directory().exists(ANN));
        assertEquals(404, client.get("/sim/inbox", Map.of("user", ANN)).status());
    }

    @Test
    void badRequestsGetTypedErrors() throws Exception {
        client.post("/sim/users", Map.of("user", ANN, "optIn", "false"));
        ControlClient.Reply dup = client.post("/sim/users", Map.of("user", ANN));
        assertEquals(409, dup.status());
        assertEquals("ALREADY_EXISTS", dup.json().getString("problem"));
        assertEquals(400, client.post("/sim/users", Map.of("user", BEN, "behaviour", "dance")).status());
        assertEquals(400, client.post("/sim/users", Map.of("user", "12ab")).status());
        assertEquals(400, client.post("/sim/users", Map.of("user", BEN, "devices", "9")).status());
        assertEquals(404, client.post("/sim/send", Map.of("user", BEN, "to", ANN, "text", "x")).status());
        assertEquals(400, client.post("/sim/send", Map.of("user", ANN, "to", BEN, "kind", "poll")).status());
        assertEquals(400, client.post("/sim/send", Map.of("user", ANN, "to", BEN, "kind", "media")).status(),
                "media without a body");
        assertEquals(400, client.post("/sim/receipt", Map.of("user", ANN, "to", BEN, "type", "seen", "ids", "a"))
                .status());
        assertEquals(405, client.get("/sim/send", Map.of()).status());
        assertEquals(404, client.post("/sim/nothing", Map.of()).status());

        EngineTestBed.User bridge = bed.interop(31337L);
        bridge.connect();
        // a simulated user sending to an unknown WhatsApp number gets the engine's typed rejection as JSON
        ControlClient.Reply unknown = client.post("/sim/send", Map.of("user", ANN, "to", "491709999999",
                "text", "anyone?"));
        assertEquals("rejected", unknown.json().getString("result"));
        assertEquals("UNKNOWN_USER", unknown.json().getString("reason"));
    }
}
