/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.Edit;
import org.wabridge.core.message.MediaContent;
import org.wabridge.core.message.MediaKind;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.Reaction;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.message.Revoke;
import org.wabridge.core.message.TextContent;

/**
 * The {@code /sim/…} routes of the emulator's control API (listed in the README): create and remove simulated
 * users, send as them, read their inbox as JSON, take them on- and offline. Parameters come from the query
 * string; a media send carries the plaintext as the request body.
 */
public final class SimControl {
    private final SimulatedUsers users;

    public SimControl(SimulatedUsers users) {
        this.users = users;
    }

    /** Whether {@code path} is a read-only route answered to GET. */
    public static boolean isGetRoute(String path) {
        return path.equals("/sim/users") || path.equals("/sim/inbox");
    }

    /** Answers a {@code /sim/…} request with JSON; empty when the path is not one of ours. */
    public Optional<String> handle(String method, String path, Map<String, String> q, byte[] body)
            throws SimulatedUserException, InterruptedException {
        boolean get = method.equals("GET");
        switch (path) {
            case "/sim/users":
                if (get) {
                    List<String> all = new ArrayList<>();
                    users.all().forEach(u -> all.add(describe(u)));
                    return Optional.of(new JsonWriter().raw("users", JsonWriter.array(all)).toString());
                }
                return Optional.of(describe(users.create(spec(q))));
            case "/sim/users/remove":
                return Optional.of(new JsonWriter().bool("ok", users.remove(req(q, "user"))).toString());
            case "/sim/online":
                SimulatedUser u = users.get(req(q, "user"));
                u.setOnline(bool(req(q, "value")));
                return Optional.of(describe(u));
            case "/sim/send":
                return Optional.of(result(send(users.get(req(q, "user")), q, body)));
            case "/sim/receipt":
                return Optional.of(result(users.get(req(q, "user")).sendReceipt(req(q, "to"),
                        Receipt.Type.valueOf(upper(req(q, "type")).replace("DELIVERY", "DELIVERED")),
                        Arrays.asList(req(q, "ids").split(",")))));
            case "/sim/typing":
                return Optional.of(result(users.get(req(q, "user")).typing(req(q, "to"),
                        ChatState.State.valueOf(upper(q.getOrDefault("state", "composing"))),
                        bool(q.getOrDefault("audio", "false")))));
            case "/sim/inbox":
                return Optional.of(inbox(users.get(req(q, "user")), Long.parseLong(q.getOrDefault("since", "0")),
                        bool(q.getOrDefault("media", "true"))));
            default:
                return Optional.empty();
        }
    }

    private static SimulatedUserSpec spec(Map<String, String> q) {
        return new SimulatedUserSpec(req(q, "user"), Integer.parseInt(q.getOrDefault("devices", "1")),
                bool(q.getOrDefault("optIn", "true")), Behaviour.parse(q.getOrDefault("behaviour", "none")),
                Duration.ofMillis(Long.parseLong(q.getOrDefault("readDelayMillis",
                        String.valueOf(SimulatedUserSpec.DEFAULT_READ_DELAY.toMillis())))));
    }

    private static SendResult send(SimulatedUser user, Map<String, String> q, byte[] body)
            throws SimulatedUserException, InterruptedException {
        String to = req(q, "to");
        String kind = q.getOrDefault("kind", "text").toLowerCase(Locale.ROOT);
        switch (kind) {
            case "text":
                return user.sendText(to, req(q, "text"));
            case "reply":
                return user.reply(to, req(q, "target"), bool(q.getOrDefault("targetFromMe", "false")), req(q, "text"));
            case "reaction":
                return user.react(to, req(q, "target"), bool(q.getOrDefault("targetFromMe", "false")),
                        q.getOrDefault("emoji", ""));
            case "edit":
                return user.edit(to, req(q, "target"), req(q, "text"));
            case "revoke":
                return user.revoke(to, req(q, "target"));
            case "media":
                if (body.length == 0) {
                    throw new IllegalArgumentException("a media send carries the file as the request body");
                }
                return user.sendMedia(to, MediaKind.valueOf(upper(q.getOrDefault("mediaKind", "image"))), body,
                        q.getOrDefault("mime", "application/octet-stream"), Optional.ofNullable(q.get("caption")));
            default:
                throw new IllegalArgumentException("unknown kind '" + kind
                        + "' (text, reply, reaction, edit, revoke, media)");
        }
    }

    private static String describe(SimulatedUser u) {
        List<String> devices = u.devices().stream().map(String::valueOf).toList();
        return new JsonWriter().string("user", u.phone()).string("jid", u.jid())
                .string("behaviour", u.behaviour().wireName()).bool("optIn", u.spec().optedIn())
                .raw("devices", JsonWriter.array(devices)).bool("online", u.isOnline()).toString();
    }

    static String result(SendResult r) {
        if (r instanceof SendResult.Accepted) {
            SendResult.Accepted a = (SendResult.Accepted) r;
            return new JsonWriter().string("result", "accepted").string("id", a.messageId())
                    .number("t", a.serverTimestamp().getEpochSecond()).toString();
        }
        SendResult.Rejected rejected = (SendResult.Rejected) r;
        return new JsonWriter().string("result", "rejected").string("reason", rejected.reason().name())
                .string("text", rejected.plainWords()).toString();
    }

    private static String inbox(SimulatedUser user, long since, boolean withMedia) throws InterruptedException {
        List<String> entries = new ArrayList<>();
        for (InboxEntry e : user.inbox().since(since)) {
            entries.add(entry(user, e, withMedia));
        }
        return new JsonWriter().string("user", user.phone()).raw("entries", JsonWriter.array(entries)).toString();
    }

    static String entry(SimulatedUser user, InboxEntry e, boolean withMedia) throws InterruptedException {
        JsonWriter w = new JsonWriter().number("seq", e.seq()).number("device", e.device())
                .string("kind", e.kind().name().toLowerCase(Locale.ROOT)).string("id", e.messageId())
                .string("chat", e.chatJid()).string("sender", e.senderJid().orElse(null)).bool("fromMe", e.fromMe())
                .number("t", e.timestamp().getEpochSecond());
        e.text().ifPresent(t -> w.string("text", t));
        MessageContent c = e.content().orElse(null);
        if (c instanceof TextContent && ((TextContent) c).reply().isPresent()) {
            w.string("quotedId", ((TextContent) c).reply().get().quotedId());
        } else if (c instanceof Reaction) {
            w.raw("target", target(((Reaction) c).target().id(), ((Reaction) c).target().fromMe()))
                    .string("emoji", ((Reaction) c).emoji());
        } else if (c instanceof Edit) {
            w.raw("target", target(((Edit) c).target().id(), ((Edit) c).target().fromMe()));
        } else if (c instanceof Revoke) {
            w.raw("target", target(((Revoke) c).target().id(), ((Revoke) c).target().fromMe()));
        } else if (c instanceof MediaContent) {
            w.raw("media", media(user, e, (MediaContent) c, withMedia));
        }
        e.receipt().ifPresent(r -> w.raw("receipt", new JsonWriter()
                .string("type", r.type().name().toLowerCase(Locale.ROOT)).strings("ids", r.messageIds()).toString()));
        e.chatState().ifPresent(s -> w.string("state", s.state().name().toLowerCase(Locale.ROOT))
                .bool("audio", s.audio()));
        e.available().ifPresent(a -> w.bool("available", a));
        return w.toString();
    }

    private static String target(String id, boolean fromMe) {
        return new JsonWriter().string("id", id).bool("fromMe", fromMe).toString();
    }

    private static String media(SimulatedUser user, InboxEntry e, MediaContent m, boolean download)
            throws InterruptedException {
        JsonWriter w = new JsonWriter().string("kind", m.kind().name().toLowerCase(Locale.ROOT))
                .string("mimetype", m.blob().mimetype()).number("length", m.blob().fileLength());
        m.caption().ifPresent(c -> w.string("caption", c));
        if (download) {
            try {
                w.string("data", Base64.getEncoder().encodeToString(user.mediaOf(e)));
            } catch (SimulatedUserException failed) {
                w.string("error", failed.getMessage());
            }
        }
        return w.toString();
    }

    private static String upper(String s) {
        return s.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("expected true or false: " + value);
    }

    private static String req(Map<String, String> q, String key) {
        String v = q.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("missing parameter " + key);
        }
        return v;
    }
}
