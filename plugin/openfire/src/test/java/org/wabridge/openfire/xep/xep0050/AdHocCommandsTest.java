/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0050;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.wabridge.openfire.commands.CommandFixture;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/** XEP-0050 flows against the real command runner: single-step, form steps, notes, errors, sessions. */
class AdHocCommandsTest {

    private static final JID GATEWAY = new JID("whatsapp.example.org");
    private final CommandFixture f = new CommandFixture();
    private final AdHocCommands adHoc = new AdHocCommands(f.runner, Clock.fixed(CommandFixture.NOW, ZoneOffset.UTC));

    private static IQ command(String user, String xml) throws Exception {
        IQ iq = new IQ(IQ.Type.set, "c1");
        iq.setFrom(new JID(user, "example.org", "phone"));
        iq.setTo(GATEWAY);
        iq.setChildElement(DocumentHelper.parseText(xml).getRootElement());
        return iq;
    }

    private IQ run(String user, String xml) throws Exception {
        return adHoc.execute(command(user, xml), Locale.ENGLISH);
    }

    private static String execute(String node) {
        return "<command xmlns='http://jabber.org/protocol/commands' node='" + node + "' action='execute'/>";
    }

    private static String submit(String node, String session, String var, String value) {
        return "<command xmlns='http://jabber.org/protocol/commands' node='" + node + "' sessionid='" + session
                + "' action='complete'><x xmlns='jabber:x:data' type='submit'><field var='" + var + "'><value>"
                + value + "</value></field></x></command>";
    }

    private static String note(IQ answer, String type) {
        Element note = answer.getChildElement().element("note");
        assertNotNull(note, answer.toXML());
        assertEquals(type, note.attributeValue("type"));
        return note.getText();
    }

    @Test
    void theCommandListHasOneItemPerCommandAtTheGateway() {
        IQ request = new IQ(IQ.Type.get);
        request.setTo(GATEWAY);
        IQ items = adHoc.listItems(request, GATEWAY, Locale.ENGLISH);
        List<Element> list = items.getChildElement().elements("item");
        assertEquals(List.of("status", "reconnect", "add", "remove", "block", "unblock", "unregister"),
                list.stream().map(e -> e.attributeValue("node")).collect(Collectors.toList()));
        assertTrue(list.stream().allMatch(e -> "whatsapp.example.org".equals(e.attributeValue("jid"))));
        assertEquals("Remove a WhatsApp contact", list.get(3).attributeValue("name"));
        assertEquals("Block a WhatsApp number", list.get(4).attributeValue("name"));
        assertEquals("http://jabber.org/protocol/commands", items.getChildElement().attributeValue("node"));
    }

    @Test
    void statusCompletesInOneStepWithANote() throws Exception {
        IQ answer = run("alice", execute("status"));
        assertEquals(IQ.Type.result, answer.getType());
        assertEquals("completed", answer.getChildElement().attributeValue("status"));
        assertTrue(note(answer, "info").startsWith("You are not registered"));
    }

    @Test
    void blockAsksForTheNumberRePromptsOnAnInvalidOneAndCompletesOnAValidOne() throws Exception {
        f.register("alice", "+4915112345678");
        IQ form = run("alice", execute("block"));
        Element command = form.getChildElement();
        assertEquals("executing", command.attributeValue("status"));
        String session = command.attributeValue("sessionid");
        assertNotNull(session);
        Element field = command.element("x").element("field");
        assertEquals("number", field.attributeValue("var"));
        assertNotNull(field.element("required"));

        IQ again = run("alice", submit("block", session, "number", "not a number"));
        assertEquals("executing", again.getChildElement().attributeValue("status"));
        assertEquals(session, again.getChildElement().attributeValue("sessionid"));
        assertTrue(note(again, "error").startsWith("This is not a valid phone number."));
        assertEquals(Set.of(), f.blocks.list("alice"));

        IQ done = run("alice", submit("block", session, "number", "+49 170 1234567"));
        assertEquals("completed", done.getChildElement().attributeValue("status"));
        assertEquals("+491701234567 is now blocked.", note(done, "info"));
        assertEquals(Set.of("+491701234567"), f.blocks.list("alice"));

        // the session ended with the command
        IQ replay = run("alice", submit("block", session, "number", "+491701234568"));
        assertEquals(PacketError.Condition.bad_request, replay.getError().getCondition());
        assertEquals("bad-sessionid", replay.getError().getApplicationConditionName());
    }

    @Test
    void anotherUserCannotContinueASession() throws Exception {
        f.register("alice", "+4915112345678");
        String session = run("alice", execute("unblock")).getChildElement().attributeValue("sessionid");
        IQ stolen = run("mallory", submit("unblock", session, "number", "+491701234567"));
        assertEquals(PacketError.Condition.bad_request, stolen.getError().getCondition());
        assertTrue(stolen.getError().getText().startsWith("This command was started too long ago"));
    }

    @Test
    void refusalsAreTypedErrorsWithText() throws Exception {
        IQ refused = run("bob", execute("add"));
        assertEquals(IQ.Type.error, refused.getType(), "refused before the form is shown");
        assertEquals(PacketError.Condition.registration_required, refused.getError().getCondition());
        assertEquals("You are not registered with the WhatsApp gateway.", refused.getError().getText());

        IQ unknown = run("bob", execute("selfdestruct"));
        assertEquals(PacketError.Condition.item_not_found, unknown.getError().getCondition());

        f.register("bob", "+4915112345679");
        String s2 = run("bob", execute("add")).getChildElement().attributeValue("sessionid");
        IQ noForm = run("bob", "<command xmlns='http://jabber.org/protocol/commands' node='add' sessionid='" + s2
                + "' action='complete'/>");
        assertEquals("bad-payload", noForm.getError().getApplicationConditionName());
    }

    @Test
    void unregisterOnlyWithTheBoxTickedAndCancelChangesNothing() throws Exception {
        f.register("alice", "+4915112345678");
        String s1 = run("alice", execute("unregister")).getChildElement().attributeValue("sessionid");
        IQ no = run("alice", submit("unregister", s1, "confirm", "0"));
        assertEquals("canceled", no.getChildElement().attributeValue("status"));
        assertTrue(f.registrations.find("alice").isPresent());

        String s2 = run("alice", execute("unregister")).getChildElement().attributeValue("sessionid");
        IQ canceled = run("alice", "<command xmlns='http://jabber.org/protocol/commands' node='unregister' "
                + "sessionid='" + s2 + "' action='cancel'/>");
        assertEquals("canceled", canceled.getChildElement().attributeValue("status"));
        assertTrue(f.registrations.find("alice").isPresent());

        String s3 = run("alice", execute("unregister")).getChildElement().attributeValue("sessionid");
        IQ yes = run("alice", submit("unregister", s3, "confirm", "true"));
        assertEquals("Your WhatsApp link was removed.", note(yes, "info"));
        assertTrue(f.registrations.find("alice").isEmpty());
    }

    @Test
    void commandNodesAnswerDiscoInfoAndUnknownNodesDoNot() {
        IQ request = new IQ(IQ.Type.get);
        request.setTo(GATEWAY);
        Element info = adHoc.nodeInfo(request, "block", Locale.ENGLISH).orElseThrow().getChildElement();
        assertEquals("command-node", info.element("identity").attributeValue("type"));
        assertEquals("command-list", adHoc.nodeInfo(request, AdHocCommands.NAMESPACE, Locale.ENGLISH).orElseThrow()
                .getChildElement().element("identity").attributeValue("type"));
        assertTrue(adHoc.nodeInfo(request, "BLOCK", Locale.ENGLISH).isEmpty());
        assertTrue(adHoc.nodeInfo(request, "other", Locale.ENGLISH).isEmpty());
    }
}
