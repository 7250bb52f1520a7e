/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0191;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dom4j.DocumentHelper;
import org.jivesoftware.openfire.session.ClientSession;
import org.jivesoftware.openfire.session.Session;
import org.junit.jupiter.api.Test;
import org.wabridge.openfire.commands.CommandFixture;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/** XEP-0191 requests as a client sends them (§3.3 block, §3.4 unblock, §3.5 unblock all). */
class BlockingInterceptorTest {

    private static final String GW = "whatsapp.example.org";
    private final CommandFixture f = new CommandFixture();
    private final BlockingInterceptor interceptor = new BlockingInterceptor("example.org", () -> Optional.of(GW),
            f.blockList, Runnable::run);

    private static Session clientSession() {
        return (Session) Proxy.newProxyInstance(ClientSession.class.getClassLoader(),
                new Class<?>[] {ClientSession.class}, (p, m, a) -> {
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private static IQ request(String from, String xml) throws Exception {
        IQ iq = new IQ(IQ.Type.set, "b1");
        iq.setFrom(new JID(from));
        iq.setChildElement(DocumentHelper.parseText(xml).getRootElement());
        return iq;
    }

    private static String block(String... jids) {
        StringBuilder xml = new StringBuilder("<block xmlns='urn:xmpp:blocking'>");
        for (String jid : jids) {
            xml.append("<item jid='").append(jid).append("'/>");
        }
        return xml.append("</block>").toString();
    }

    @Test
    void parsesBlockUnblockAndUnblockAllAndPicksOnlyGatewayNumbers() throws Exception {
        BlockingCommand c = BlockingCommand.of(request("alice@example.org/phone",
                block("+491701234567@" + GW, "bob@example.org", "lid-123@" + GW, "+49@" + GW))).orElseThrow();
        assertTrue(c.block());
        assertEquals(List.of("+491701234567"), c.gatewayNumbers(GW));
        assertTrue(BlockingCommand.of(request("alice@example.org/phone", "<unblock xmlns='urn:xmpp:blocking'/>"))
                .orElseThrow().unblocksAll());
        assertTrue(BlockingCommand.of(request("alice@example.org/phone", "<block xmlns='urn:xmpp:blocking'/>"))
                .isEmpty(), "§3.3: block needs items");
        assertTrue(BlockingCommand.of(request("alice@example.org/phone", "<blocklist xmlns='urn:xmpp:blocking'/>"))
                .isEmpty());
    }

    @Test
    void aRequestWithAMalformedItemIsNotMirroredSoAnUnblockNeverBecomesUnblockAll() throws Exception {
        for (String child : new String[] {"<unblock xmlns='urn:xmpp:blocking'><item/></unblock>",
                "<unblock xmlns='urn:xmpp:blocking'><item jid='a@b@c'/></unblock>",
                "<block xmlns='urn:xmpp:blocking'><item jid='+491701234567@whatsapp.example.org'/><item/></block>"}) {
            assertTrue(BlockingCommand.of(request("alice@example.org/phone", child)).isEmpty(), child);
        }
    }

    @Test
    void aUsersBlockOfAGatewayContactReachesTheBlockListAndWhatsApp() throws Exception {
        f.register("alice", "+4915112345678");
        interceptor.interceptPacket(request("alice@example.org/phone", block("+491701234567@" + GW,
                "bob@example.org")), clientSession(), true, false);
        assertEquals(Set.of("+491701234567"), f.blocks.list("alice"));
        assertEquals(List.of("block alice +491701234567"), f.control.calls);

        interceptor.interceptPacket(request("alice@example.org/phone",
                "<unblock xmlns='urn:xmpp:blocking'><item jid='+491701234567@" + GW + "'/></unblock>"),
                clientSession(), true, false);
        assertEquals(Set.of(), f.blocks.list("alice"));
    }

    @Test
    void unblockAllClearsTheUsersGatewayBlocks() throws Exception {
        f.blocks.add("alice", "+491701234567", CommandFixture.NOW);
        f.blocks.add("alice", "+447911123456", CommandFixture.NOW);
        interceptor.interceptPacket(request("alice@example.org/phone", "<unblock xmlns='urn:xmpp:blocking'/>"),
                clientSession(), true, false);
        assertEquals(Set.of(), f.blocks.list("alice"));
    }

    @Test
    void processedOutgoingForeignAndMisaddressedRequestsAreIgnored() throws Exception {
        String xml = block("+491701234567@" + GW);
        interceptor.interceptPacket(request("alice@example.org/phone", xml), clientSession(), true, true);
        interceptor.interceptPacket(request("alice@example.org/phone", xml), clientSession(), false, false);
        interceptor.interceptPacket(request("eve@elsewhere.net/x", xml), clientSession(), true, false);
        IQ toOther = request("alice@example.org/phone", xml);
        toOther.setTo("bob@example.org");
        interceptor.interceptPacket(toOther, clientSession(), true, false);
        new BlockingInterceptor("example.org", Optional::empty, f.blockList, Runnable::run)
                .interceptPacket(request("alice@example.org/phone", xml), clientSession(), true, false);
        assertEquals(Set.of(), f.blocks.list("alice"));
        assertEquals(List.of(), f.control.calls);
    }
}
