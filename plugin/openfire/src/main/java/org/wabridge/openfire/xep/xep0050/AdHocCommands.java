/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0050;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.wabridge.openfire.commands.CommandRefusal;
import org.wabridge.openfire.commands.CommandRunner;
import org.wabridge.openfire.commands.UserCommand;
import org.wabridge.openfire.component.IqErrors;
import org.wabridge.openfire.i18n.Messages;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

/**
 * Executes the user commands as XEP-0050 ad-hoc commands. {@code status} and {@code reconnect} complete in one
 * step; {@code add}, {@code block} and {@code unblock} first return a form asking for the number, and
 * {@code unregister} a form asking for confirmation. An invalid number re-presents the form with an error note
 * (§3.4.6 lets a command continue after a note); a refused command is an IQ error with text.
 */
public final class AdHocCommands {

    public static final String NAMESPACE = "http://jabber.org/protocol/commands";
    static final String DATA_FORMS = "jabber:x:data";
    static final String NUMBER_FIELD = "number";
    static final String CONFIRM_FIELD = "confirm";

    private final CommandRunner runner;
    private final CommandSessions sessions;

    public AdHocCommands(CommandRunner runner, Clock clock) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.sessions = new CommandSessions(clock);
    }

    /** Handles an IQ-set with a {@code <command/>} child; {@code from} must be a local user. */
    public IQ execute(IQ request, Locale locale) {
        Element command = request.getChildElement();
        Messages m = runner.texts().apply(locale);
        Optional<UserCommand> which = UserCommand.fromWord(Objects.toString(command.attributeValue("node"), ""));
        if (which.isEmpty()) {
            return IqErrors.error(request, Condition.item_not_found,
                    m.get("whatsapp.command.error.unknown", Objects.toString(command.attributeValue("node"), "")),
                    locale);
        }
        UserCommand c = which.get();
        String user = request.getFrom().getNode();
        String action = Objects.toString(command.attributeValue("action"), "execute");
        String sessionId = command.attributeValue("sessionid");

        if (sessionId == null) {
            if (!"execute".equals(action)) {
                return commandError(request, Condition.bad_request, "bad-action", m.get("whatsapp.command.error.form"),
                        locale);
            }
            if (!needsForm(c)) {
                return run(request, c, user, null, null, locale);
            }
            try {
                runner.checkRegistered(c, user, locale);
            } catch (CommandRefusal refused) {
                return IqErrors.error(request, refused.condition(), refused.text(), locale);
            }
            Optional<String> started = sessions.start(user, c);
            if (started.isEmpty()) {
                return IqErrors.error(request, Condition.resource_constraint, m.get("whatsapp.command.error.failed"),
                        locale);
            }
            return form(request, c, started.get(), m, null);
        }
        if (!sessions.isOpen(sessionId, user, c)) {
            return commandError(request, Condition.bad_request, "bad-sessionid",
                    m.get("whatsapp.command.error.session_expired"), locale);
        }
        if ("cancel".equals(action)) {
            sessions.end(sessionId);
            return answer(request, c, sessionId, "canceled");
        }
        if (!"execute".equals(action) && !"complete".equals(action)) {
            return commandError(request, Condition.bad_request, "bad-action", m.get("whatsapp.command.error.form"),
                    locale);
        }
        Element form = submittedForm(command);
        if (form == null) {
            return commandError(request, Condition.bad_request, "bad-payload", m.get("whatsapp.command.error.form"),
                    locale);
        }
        if (c == UserCommand.UNREGISTER) {
            if (!isTrue(value(form, CONFIRM_FIELD))) {
                sessions.end(sessionId);
                IQ canceled = answer(request, c, sessionId, "canceled");
                note(canceled.getChildElement(), "info", m.get("whatsapp.command.canceled"));
                return canceled;
            }
            return run(request, c, user, null, sessionId, locale);
        }
        String number;
        try {
            number = runner.number(value(form, NUMBER_FIELD), locale);
        } catch (CommandRefusal invalid) {
            return form(request, c, sessionId, m, invalid.text()); // let the user correct the number
        }
        return run(request, c, user, number, sessionId, locale);
    }

    private IQ run(IQ request, UserCommand c, String user, String number, String sessionId, Locale locale) {
        if (sessionId != null) {
            sessions.end(sessionId);
        }
        try {
            String text = runner.run(c, user, number, locale);
            IQ done = answer(request, c, sessionId, "completed");
            note(done.getChildElement(), "info", text);
            return done;
        } catch (CommandRefusal refused) {
            return IqErrors.error(request, refused.condition(), refused.text(), locale);
        }
    }

    private static boolean needsForm(UserCommand c) {
        return c.takesNumber() || c == UserCommand.UNREGISTER;
    }

    private IQ form(IQ request, UserCommand c, String sessionId, Messages m, String errorNote) {
        IQ answer = answer(request, c, sessionId, "executing");
        Element command = answer.getChildElement();
        Element actions = command.addElement("actions").addAttribute("execute", "complete");
        actions.addElement("complete");
        if (errorNote != null) {
            note(command, "error", errorNote);
        }
        Element x = command.addElement(QName.get("x", DATA_FORMS)).addAttribute("type", "form");
        x.addElement("title").setText(m.get(c.nameKey()));
        Element field;
        if (c == UserCommand.UNREGISTER) {
            x.addElement("instructions").setText(m.get("whatsapp.command.unregister.instructions"));
            field = x.addElement("field").addAttribute("var", CONFIRM_FIELD).addAttribute("type", "boolean")
                    .addAttribute("label", m.get("whatsapp.command.unregister.confirm"));
            field.addElement("value").setText("0");
        } else {
            x.addElement("instructions").setText(m.get("whatsapp.command.number.instructions"));
            field = x.addElement("field").addAttribute("var", NUMBER_FIELD).addAttribute("type", "text-single")
                    .addAttribute("label", m.get("whatsapp.command.number.label"));
        }
        field.addElement("required");
        return answer;
    }

    private static IQ answer(IQ request, UserCommand c, String sessionId, String status) {
        IQ answer = IQ.createResultIQ(request);
        Element command = DocumentHelper.createElement(QName.get("command", NAMESPACE));
        command.addAttribute("node", c.word());
        if (sessionId != null) {
            command.addAttribute("sessionid", sessionId);
        }
        command.addAttribute("status", status);
        answer.setChildElement(command);
        return answer;
    }

    private static void note(Element command, String type, String text) {
        command.addElement("note").addAttribute("type", type).setText(text);
    }

    /** An IQ error with a XEP-0050 §4.6 application condition and a text. */
    private static IQ commandError(IQ request, Condition condition, String specific, String text, Locale locale) {
        IQ error = IQ.createResultIQ(request);
        error.setChildElement(request.getChildElement().createCopy());
        PacketError packetError = IqErrors.withText(condition, text, locale);
        packetError.setApplicationCondition(specific, NAMESPACE);
        error.setError(packetError);
        return error;
    }

    private static Element submittedForm(Element command) {
        for (Element x : command.elements()) {
            if ("x".equals(x.getName()) && DATA_FORMS.equals(x.getNamespaceURI())
                    && "submit".equals(x.attributeValue("type"))) {
                return x;
            }
        }
        return null;
    }

    private static String value(Element form, String var) {
        for (Element field : form.elements("field")) {
            if (var.equals(field.attributeValue("var"))) {
                Element v = field.element("value");
                return v == null ? null : v.getText();
            }
        }
        return null;
    }

    private static boolean isTrue(String value) {
        return "1".equals(value) || "true".equals(value);
    }

    /** The disco#items answer for the commands node (XEP-0050 §2.2): one item per command. */
    public IQ listItems(IQ request, JID gateway, Locale locale) {
        Messages m = runner.texts().apply(locale);
        IQ answer = IQ.createResultIQ(request);
        Element query = answer.setChildElement("query", "http://jabber.org/protocol/disco#items");
        query.addAttribute("node", NAMESPACE);
        for (UserCommand c : UserCommand.values()) {
            query.addElement("item").addAttribute("jid", gateway.toBareJID()).addAttribute("node", c.word())
                    .addAttribute("name", m.get(c.nameKey()));
        }
        return answer;
    }

    /** The disco#info answer for the commands node or one command node (XEP-0050 §2.3), empty if unknown. */
    public Optional<IQ> nodeInfo(IQ request, String node, Locale locale) {
        IQ answer = IQ.createResultIQ(request);
        Element query = answer.setChildElement("query", "http://jabber.org/protocol/disco#info");
        query.addAttribute("node", node);
        if (NAMESPACE.equals(node)) {
            query.addElement("identity").addAttribute("category", "automation").addAttribute("type", "command-list")
                    .addAttribute("name", runner.texts().apply(locale).get("whatsapp.command.list.name"));
            return Optional.of(answer);
        }
        Optional<UserCommand> c = UserCommand.fromWord(node);
        if (c.isEmpty() || !c.get().word().equals(node)) {
            return Optional.empty();
        }
        query.addElement("identity").addAttribute("category", "automation").addAttribute("type", "command-node")
                .addAttribute("name", runner.texts().apply(locale).get(c.get().nameKey()));
        query.addElement("feature").addAttribute("var", NAMESPACE);
        query.addElement("feature").addAttribute("var", DATA_FORMS);
        return Optional.of(answer);
    }
}
