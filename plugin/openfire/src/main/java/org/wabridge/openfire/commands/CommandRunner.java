/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.commands;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.openfire.blocking.BlockList;
import org.wabridge.openfire.blocking.BlockListStoreException;
import org.wabridge.openfire.i18n.Messages;
import org.wabridge.openfire.registration.PhoneNumbers;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.registration.RegistrationException;
import org.wabridge.openfire.registration.RegistrationService;
import org.xmpp.packet.PacketError.Condition;

/**
 * Carries out one {@link UserCommand} for a local user and returns the localized answer, or throws a
 * {@link CommandRefusal} with the XMPP condition and text. Both the ad-hoc and the chat front end use it, so
 * both behave the same. Every command except {@code status} needs a registration.
 */
public final class CommandRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);

    private final RegistrationService registrations;
    private final AccountControl control;
    private final BlockList blockList;
    private final Function<Locale, Messages> texts;

    public CommandRunner(RegistrationService registrations, AccountControl control, BlockList blockList,
                         Function<Locale, Messages> texts) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.control = Objects.requireNonNull(control, "control");
        this.blockList = Objects.requireNonNull(blockList, "blockList");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    public Function<Locale, Messages> texts() {
        return texts;
    }

    /**
     * Validates a number typed by the user.
     *
     * @return the E.164 form
     * @throws CommandRefusal not-acceptable with the same text registration uses for a bad number
     */
    public String number(String input, Locale locale) throws CommandRefusal {
        Optional<String> e164 = PhoneNumbers.toE164(input);
        if (e164.isEmpty()) {
            Condition condition = input == null || input.isBlank() ? Condition.bad_request : Condition.not_acceptable;
            throw new CommandRefusal(condition, texts.apply(locale).get("whatsapp.command.error.number"), null);
        }
        return e164.get();
    }

    /**
     * @param number the E.164 number for commands that take one (see {@link #number}), else ignored
     * @return the answer text
     */
    public String run(UserCommand command, String username, String number, Locale locale) throws CommandRefusal {
        Messages m = texts.apply(locale);
        try {
            if (command == UserCommand.STATUS) {
                return status(username, m);
            }
            requireRegistration(username, m);
            switch (command) {
                case RECONNECT:
                    control.reconnect(username);
                    return m.get("whatsapp.command.done.reconnect");
                case ADD:
                    control.addContact(username, requireNumber(number));
                    return m.get("whatsapp.command.done.add", number);
                case REMOVE:
                    control.removeContact(username, requireNumber(number));
                    return m.get("whatsapp.command.done.remove", number);
                case BLOCK:
                    return m.get("whatsapp.command.done.block." + outcome(blockList.block(username,
                            requireNumber(number))), number);
                case UNBLOCK:
                    return m.get("whatsapp.command.done.unblock." + outcome(blockList.unblock(username,
                            requireNumber(number))), number);
                case UNREGISTER:
                    control.unregister(username);
                    return m.get("whatsapp.command.done.unregister");
                default:
                    throw new IllegalStateException("unhandled command " + command);
            }
        } catch (AccountControlException e) {
            LOG.debug("command {} of {} refused: {}", command.word(), username, e.getMessage());
            throw new CommandRefusal(condition(e.reason()), m.get(e.reason().i18nKey()), e);
        } catch (BlockListStoreException e) {
            LOG.warn("command {} of {}: block list not available: {}", command.word(), username, e.getMessage());
            throw new CommandRefusal(Condition.internal_server_error, m.get("whatsapp.command.error.failed"), e);
        }
    }

    private String status(String username, Messages m) throws CommandRefusal, BlockListStoreException {
        Optional<Registration> registration = find(username, m);
        if (registration.isEmpty()) {
            return m.get("whatsapp.command.status.not_registered");
        }
        Registration r = registration.get();
        StringBuilder text = new StringBuilder();
        if (r.state() == Registration.State.PENDING) {
            text.append(m.get("whatsapp.command.status.pending", r.phoneE164()));
        } else {
            AccountStatus status = control.status(username);
            text.append(m.get("whatsapp.command.status.session." + status.session().name().toLowerCase(Locale.ROOT),
                    r.phoneE164()));
        }
        SortedSet<String> blocked = blockList.blocked(username);
        if (!blocked.isEmpty()) {
            text.append('\n').append(m.get("whatsapp.command.status.blocked", String.join(", ", blocked)));
        }
        return text.toString();
    }

    /**
     * Refuses early, before a form is shown, if the command needs a registration the user does not have.
     *
     * @throws CommandRefusal registration-required with text
     */
    public void checkRegistered(UserCommand command, String username, Locale locale) throws CommandRefusal {
        if (command != UserCommand.STATUS) {
            requireRegistration(username, texts.apply(locale));
        }
    }

    private void requireRegistration(String username, Messages m) throws CommandRefusal {
        if (find(username, m).isEmpty()) {
            throw new CommandRefusal(Condition.registration_required,
                    m.get("whatsapp.error.registration.not_registered"), null);
        }
    }

    private Optional<Registration> find(String username, Messages m) throws CommandRefusal {
        try {
            return registrations.find(username);
        } catch (RegistrationException e) {
            throw new CommandRefusal(Condition.internal_server_error, m.get(e.reason().i18nKey()), e);
        }
    }

    private static String requireNumber(String number) {
        if (number == null || !number.startsWith("+")) {
            throw new IllegalArgumentException("number must be validated with number() first");
        }
        return number;
    }

    private static String outcome(BlockList.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    static Condition condition(AccountControlException.Reason reason) {
        switch (reason) {
            case NOT_REGISTERED:
                return Condition.registration_required;
            case NOT_CONNECTED:
                return Condition.service_unavailable;
            case UNKNOWN_NUMBER:
                return Condition.item_not_found;
            default:
                return Condition.internal_server_error;
        }
    }
}
