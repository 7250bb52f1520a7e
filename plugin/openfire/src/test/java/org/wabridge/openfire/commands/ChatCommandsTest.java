/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The chat words, through the real command runner, registration service and block list. */
class ChatCommandsTest {

    private final CommandFixture f = new CommandFixture();
    private final ChatCommands chat = new ChatCommands(f.runner);

    private String say(String user, String body) {
        return chat.reply(user, body, Locale.ENGLISH);
    }

    @Test
    void helpListsEveryCommandAndUnknownWordsGetItToo() {
        String help = say("alice", "help");
        for (UserCommand c : UserCommand.values()) {
            assertTrue(help.contains("\n" + c.word()), c + " missing in " + help);
        }
        String unknown = say("alice", "frobnicate now");
        assertTrue(unknown.startsWith("The WhatsApp gateway has no command \"frobnicate\"."), unknown);
        assertTrue(unknown.endsWith(help), unknown);
        assertEquals(help, say("alice", "   "));
    }

    @Test
    void statusSaysNotRegisteredThenShowsNumberSessionAndBlocks() throws Exception {
        assertTrue(say("alice", "status").startsWith("You are not registered"));
        f.register("alice", "+4915112345678");
        assertEquals("Your number +4915112345678 is registered and connected to WhatsApp.", say("alice", "STATUS"));
        say("alice", "block +44 7911 123456");
        assertEquals("Your number +4915112345678 is registered and connected to WhatsApp.\n"
                + "Blocked numbers: +447911123456", say("alice", "status"));
    }

    @Test
    void blockNormalizesTheNumberRecordsItAndTellsWhatsAppOnce() throws Exception {
        f.register("alice", "+4915112345678");
        assertEquals("+491701234567 is now blocked.", say("alice", "block +49 170 1234567"));
        assertEquals("+491701234567 was already blocked.", say("alice", "block 0049 170 1234567"));
        assertEquals(Set.of("+491701234567"), f.blocks.list("alice"));
        assertEquals(List.of("block alice +491701234567"), f.control.calls);

        assertEquals("+491701234567 is no longer blocked.", say("alice", "unblock +491701234567"));
        assertEquals(Set.of(), f.blocks.list("alice"));
    }

    @Test
    void removeTakesTheContactOutOfTheRosterAndSaysMessagesStillArrive() throws Exception {
        f.register("alice", "+4915112345678");
        assertEquals("+491701234567 was removed from your contacts. Messages from this number still reach you;"
                + " block it to stop them.", say("alice", "remove +49 170 1234567"));
        assertEquals(List.of("remove alice +491701234567"), f.control.calls);
    }

    @Test
    void aBlockWhileDisconnectedIsKeptAndSaidToBePending() throws Exception {
        f.register("alice", "+4915112345678");
        f.control.refuse(AccountControlException.Reason.NOT_CONNECTED);
        assertEquals("+491701234567 is now blocked on this gateway; WhatsApp will be told when your session "
                + "connects.", say("alice", "block +491701234567"));
        assertEquals(Set.of("+491701234567"), f.blocks.list("alice"));
    }

    @Test
    void invalidNumbersAreExplainedAndChangeNothing() throws Exception {
        f.register("alice", "+4915112345678");
        String answer = say("alice", "block 12345");
        assertTrue(answer.startsWith("This is not a valid phone number."), answer);
        assertEquals(answer, say("alice", "add"));
        assertEquals(Set.of(), f.blocks.list("alice"));
        assertEquals(List.of(), f.control.calls);
    }

    @Test
    void commandsOtherThanStatusNeedARegistration() {
        assertEquals("You are not registered with the WhatsApp gateway.", say("bob", "reconnect"));
        assertEquals("You are not registered with the WhatsApp gateway.", say("bob", "block +491701234567"));
        assertEquals(List.of(), f.control.calls);
    }

    @Test
    void sessionRefusalsComeBackAsTheirText() throws Exception {
        f.register("alice", "+4915112345678");
        assertEquals("Reconnecting to WhatsApp.", say("alice", "reconnect"));
        assertEquals("+491701234567 was added to your contacts.", say("alice", "add +491701234567"));
        f.control.refuse(AccountControlException.Reason.NOT_CONNECTED);
        assertEquals("Your WhatsApp session is not connected, so this cannot be done now. Please try again later.",
                say("alice", "add +491701234567"));
        f.control.refuse(AccountControlException.Reason.UNKNOWN_NUMBER);
        assertEquals("WhatsApp does not know this phone number.", say("alice", "add +491701234568"));
        assertEquals(List.of("reconnect alice", "add alice +491701234567", "add alice +491701234567",
                "add alice +491701234568"), f.control.calls);
    }

    @Test
    void unregisterNeedsTheConfirmWord() throws Exception {
        f.register("alice", "+4915112345678");
        assertTrue(say("alice", "unregister").endsWith("To do it, send: unregister confirm"));
        assertTrue(f.registrations.find("alice").isPresent());
        assertEquals("Your WhatsApp link was removed.", say("alice", "unregister confirm"));
        assertTrue(f.registrations.find("alice").isEmpty());
    }
}
