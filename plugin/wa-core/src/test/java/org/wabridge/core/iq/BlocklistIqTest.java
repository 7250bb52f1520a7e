/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.StanzaException;

/**
 * The {@code blocklist} IQs as literal nodes, written from the shapes the open-source clients whatsmeow
 * ({@code blocklist.go}) and whatsapp-rust ({@code iq/blocklist.rs}) send and parse.
 */
class BlocklistIqTest {
    private static final WaJid BOB = WaJid.phone("491701234567");
    private static final WaJid CAROL = WaJid.phone("447700900123");

    private static Node.Builder request(String id, String type) {
        return Node.builder("iq").attr("id", id).attr("xmlns", "blocklist").attr("type", type)
                .attr("to", WaJid.SERVER);
    }

    private static Node.Builder result(String id) {
        return Node.builder("iq").attr("id", id).attr("type", "result").attr("from", WaJid.SERVER);
    }

    @Test
    void blockAndUnblockAreOneItemWithAnAction() throws Exception {
        // <iq xmlns="blocklist" type="set" to="s.whatsapp.net"><item action="block" jid="…"/></iq>
        Node block = request("b1", "set").child(Node.builder("item").attr("action", "block").attr("jid", BOB).build())
                .build();
        assertEquals(block, new BlocklistIq.Update(BlocklistIq.Action.BLOCK, BOB).toRequest("b1"));
        assertEquals(new BlocklistIq.Update(BlocklistIq.Action.BLOCK, BOB), BlocklistIq.Update.fromRequest(block));

        Node unblock = request("b2", "set").child(Node.builder("item").attr("action", "unblock").attr("jid", BOB)
                .build()).build();
        assertEquals(unblock, new BlocklistIq.Update(BlocklistIq.Action.UNBLOCK, BOB).toRequest("b2"));
        assertEquals(EmptyResult.INSTANCE, new BlocklistIq.Update(BlocklistIq.Action.UNBLOCK, BOB)
                .parseResponse(result("b2").build()));
    }

    @Test
    void theListComesInAListElementOrAsBareItems() throws Exception {
        assertEquals(request("l1", "get").build(), BlocklistIq.Fetch.INSTANCE.toRequest("l1"));
        Node wrapped = result("l1").child(Node.builder("list")
                .child(Node.builder("item").attr("jid", BOB).attr("t", "1780000000").build())
                .child(Node.builder("item").attr("jid", CAROL).build()).build()).build();
        List<BlocklistIq.Entry> expected = List.of(new BlocklistIq.Entry(BOB, Optional.of(1_780_000_000L)),
                new BlocklistIq.Entry(CAROL, Optional.empty()));
        assertEquals(expected, BlocklistIq.Fetch.INSTANCE.parseResponse(wrapped));
        assertEquals(wrapped, BlocklistIq.Fetch.INSTANCE.toResult("l1", expected));

        Node bare = result("l2").child(Node.builder("item").attr("jid", CAROL).build()).build();
        assertEquals(List.of(new BlocklistIq.Entry(CAROL, Optional.empty())),
                BlocklistIq.Fetch.INSTANCE.parseResponse(bare));
        assertEquals(List.of(), BlocklistIq.Fetch.INSTANCE.parseResponse(result("l3").build()));
    }

    @Test
    void malformedRequestsAndAnswersAreTypedErrors() {
        assertThrows(StanzaException.class, () -> BlocklistIq.Update.fromRequest(request("x", "set")
                .child(Node.builder("item").attr("action", "mute").attr("jid", BOB).build()).build()));
        assertThrows(StanzaException.class, () -> BlocklistIq.Update.fromRequest(request("x", "set").build()));
        assertThrows(StanzaException.class, () -> BlocklistIq.Fetch.INSTANCE.parseResponse(result("x")
                .child(Node.builder("list").child(Node.builder("item").attr("jid", BOB).attr("t", "soon").build())
                        .build()).build()));
        assertThrows(IqErrorException.class, () -> BlocklistIq.Fetch.INSTANCE.parseResponse(Node.builder("iq")
                .attr("id", "x").attr("type", "error").child(Node.builder("error").attr("code", "401")
                        .attr("text", "not-authorized").build()).build()));
    }
}
