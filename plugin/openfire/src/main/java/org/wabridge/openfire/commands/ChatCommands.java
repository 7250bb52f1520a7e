/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.commands;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.wabridge.openfire.i18n.Messages;

/**
 * The user commands as words in a chat message to the gateway JID, for clients without ad-hoc commands:
 * {@code help}, {@code status}, {@code reconnect}, {@code add <number>}, {@code block <number>},
 * {@code unblock <number>}, {@code unregister}. The number is the rest of the line, so "+49 170 1234567" works.
 * {@code unregister} only explains itself; {@code unregister confirm} does it, so a stray word cannot unlink
 * an account. Unknown words get the help text. Answers are plain text in the sender's language.
 */
public final class ChatCommands {

    static final String HELP = "help";
    static final String CONFIRM = "confirm";

    private final CommandRunner runner;

    public ChatCommands(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** @return the reply to a message body from a local user */
    public String reply(String username, String body, Locale locale) {
        Messages m = runner.texts().apply(locale);
        String text = body == null ? "" : body.strip();
        int space = firstWhitespace(text);
        String word = space < 0 ? text : text.substring(0, space);
        String rest = space < 0 ? "" : text.substring(space).strip();
        Optional<UserCommand> command = UserCommand.fromWord(word);
        if (command.isEmpty()) {
            return word.isEmpty() || HELP.equalsIgnoreCase(word) ? m.get("whatsapp.command.help")
                    : m.get("whatsapp.command.error.unknown", word) + "\n\n" + m.get("whatsapp.command.help");
        }
        UserCommand c = command.get();
        try {
            if (c == UserCommand.UNREGISTER && !CONFIRM.equalsIgnoreCase(rest)) {
                return m.get("whatsapp.command.unregister.chat_confirm");
            }
            String number = c.takesNumber() ? runner.number(rest, locale) : null;
            return runner.run(c, username, number, locale);
        } catch (CommandRefusal refused) {
            return refused.text();
        }
    }

    private static int firstWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
