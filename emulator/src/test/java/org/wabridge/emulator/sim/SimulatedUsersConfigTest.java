/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.client.SendResult;
import org.wabridge.emulator.EmulatorMain;

/** The {@code users=} property of the emulator's config, and a start of the runnable emulator with it. */
class SimulatedUsersConfigTest {
    @TempDir
    Path dir;

    @Test
    void usersPropertyIsParsed() {
        List<SimulatedUserSpec> specs = SimulatedUserSpec.parseList(
                " +491700000001:echo, 491700000002:reader:devices=2:readDelay=PT5S ,+491700000003:optIn=false,"
                        + "491700000004");
        assertEquals(List.of(
                new SimulatedUserSpec("491700000001", 1, true, Behaviour.ECHO, SimulatedUserSpec.DEFAULT_READ_DELAY),
                new SimulatedUserSpec("491700000002", 2, true, Behaviour.READER, Duration.ofSeconds(5)),
                new SimulatedUserSpec("491700000003", 1, false, Behaviour.NONE, SimulatedUserSpec.DEFAULT_READ_DELAY),
                new SimulatedUserSpec("491700000004", 1, true, Behaviour.NONE, SimulatedUserSpec.DEFAULT_READ_DELAY)),
                specs);
        assertTrue(SimulatedUserSpec.parseList(null).isEmpty());
        assertTrue(SimulatedUserSpec.parseList("  ").isEmpty());
    }

    @Test
    void badEntriesAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SimulatedUserSpec.parseList("+4917:echo"))
                .getMessage().contains("6 to 15 digits"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SimulatedUserSpec.parseList("491700000001:sing")).getMessage().contains("unknown behaviour"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SimulatedUserSpec.parseList("491700000001:colour=red")).getMessage().contains("colour"));
        assertThrows(IllegalArgumentException.class, () -> SimulatedUserSpec.parseList("491700000001:devices=0"));
        assertThrows(IllegalArgumentException.class, () -> SimulatedUserSpec.parseList("491700000001:optIn=yes"));
    }

    @Test
    void runnableEmulatorStartsWithReadyToChatUsers() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("""
                tcpPort=0
                wsPort=-1
                controlPort=0
                trustAnchorFile=%s
                users=+491700000001:echo,+491700000002:offline:optIn=false
                """.formatted(dir.resolve("anchor.txt"))));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (EmulatorMain.Running running = EmulatorMain.start(p, new PrintStream(printed, true,
                StandardCharsets.UTF_8))) {
            String out = printed.toString(StandardCharsets.UTF_8);
            assertTrue(out.contains("WhatsApp user: +491700000001 (491700000001@s.whatsapp.net) echo, 1 device(s), "
                    + "opted in, online"), out);
            assertTrue(out.contains("WhatsApp user: +491700000002 (491700000002@s.whatsapp.net) offline, 1 device(s), "
                    + "NOT opted in to third-party chats, offline"), out);
            assertEquals(2, running.users().size());
            assertFalse(running.emulator().isOnline("491700000002", 0));

            SimulatedUser tester = running.emulator().simulatedUsers()
                    .create(SimulatedUserSpec.of("491700000009", Behaviour.NONE));
            SendResult sent = tester.sendText("+491700000001", "are you there?");
            assertInstanceOf(SendResult.Accepted.class, sent, sent.toString());
            InboxEntry echo = tester.await(e -> e.kind() == InboxEntry.Kind.TEXT, Duration.ofSeconds(30));
            assertEquals("491700000001@s.whatsapp.net", echo.chatJid());
            assertEquals("are you there?", echo.text().orElseThrow());
        }
    }
}
