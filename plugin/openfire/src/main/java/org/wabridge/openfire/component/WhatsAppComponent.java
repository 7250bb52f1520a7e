/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.jivesoftware.util.JiveGlobals;
import org.wabridge.openfire.id.JidMapper;
import org.wabridge.openfire.id.UnmappableJidException;
import org.wabridge.openfire.xep.MalformedElementException;
import org.wabridge.openfire.xep.xep0050.AdHocCommands;
import org.wabridge.openfire.xep.xep0115.CapsElement;
import org.wabridge.openfire.xep.xep0115.CapsVersion;
import org.wabridge.openfire.xep.xep0077.RegistrationQuery;
import org.wabridge.openfire.xep.xep0092.SoftwareVersion;
import org.wabridge.openfire.xep.xep0100.GatewayQuery;
import org.xmpp.component.AbstractComponent;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * The gateway's XMPP component at {@code <subdomain>.<xmpp domain>}. It receives every stanza addressed to
 * the gateway and its contacts. It describes itself in service discovery (XEP-0030) as a gateway of type
 * {@value #IDENTITY_TYPE} (XEP-0100 §4), answers registration (XEP-0077), the gateway prompt (XEP-0100
 * §6.3) and software version (XEP-0092). Ping (XEP-0199), last activity (XEP-0012) and entity time
 * (XEP-0202) come from Tinder's {@link AbstractComponent}, which also answers every other IQ
 * (feature-not-implemented, or internal-server-error if a handler throws). Messaging comes with the engine.
 * When user commands are wired, the gateway JID also serves XEP-0050 ad-hoc commands and the same commands as
 * chat words, and its presence can carry XEP-0115 caps ({@link #withCaps}).
 */
public final class WhatsAppComponent extends AbstractComponent {

    /** disco#info identity category (XEP-0030 registry: gateway). */
    public static final String IDENTITY_CATEGORY = "gateway";
    /** disco#info identity type for this legacy network. */
    public static final String IDENTITY_TYPE = "whatsapp";

    /** The XEP-0115 node: identifies this software; clients query {@code node#ver}. */
    public static final String CAPS_NODE = "urn:wabridge:openfire-whatsapp";

    private static final QName XML_LANG = QName.get("lang", Namespace.XML_NAMESPACE);
    private static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    private static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";

    private final String name;
    private final GatewayServices services;
    private final RegistrationIqHandler registration;
    private volatile GatewayIqHandler gateway;
    private volatile GatewayMessaging messaging;

    /**
     * @param name         the identity name shown in service discovery
     * @param threads      size of Tinder's stanza worker pool
     * @param maxQueueSize stanzas that may wait for a worker
     * @param services     registration logic, texts and version
     */
    public WhatsAppComponent(String name, int threads, int maxQueueSize, GatewayServices services) {
        super(threads, maxQueueSize, true);
        this.name = Objects.requireNonNull(name, "name");
        this.services = Objects.requireNonNull(services, "services");
        this.registration = new RegistrationIqHandler(services);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return "WhatsApp gateway (EU DMA interoperability)";
    }

    @Override
    protected String discoInfoIdentityCategory() {
        return IDENTITY_CATEGORY;
    }

    @Override
    protected String discoInfoIdentityCategoryType() {
        return IDENTITY_TYPE;
    }

    @Override
    protected String[] discoInfoFeatureNamespaces() {
        List<String> features = new ArrayList<>(List.of(RegistrationQuery.NAMESPACE, GatewayQuery.NAMESPACE,
                SoftwareVersion.NAMESPACE, DISCO_ITEMS));
        if (services.commands().isPresent()) {
            features.add(AdHocCommands.NAMESPACE);
        }
        return features.toArray(new String[0]);
    }

    /**
     * Gateway disco#info with a node: the caps node ({@code node#ver}) answers like the plain query (XEP-0115
     * §6.2), the commands nodes as XEP-0050 §2.3 says; any other node is item-not-found. Queries to contacts
     * and without a node get Tinder's answer.
     */
    @Override
    protected IQ handleDiscoInfo(IQ iq) {
        String node = iq.getChildElement().attributeValue("node");
        if (iq.getTo() != null && iq.getTo().getNode() != null) {
            return contactDiscoInfo(iq, node);
        }
        if (node == null || iq.getTo() == null) {
            return super.handleDiscoInfo(iq);
        }
        if (node.startsWith(CAPS_NODE + "#")) {
            IQ answer = super.handleDiscoInfo(iq);
            answer.getChildElement().addAttribute("node", node);
            return answer;
        }
        Optional<IQ> commandNode = services.commands().flatMap(c -> c.adHoc().nodeInfo(iq, node, localeOf(iq)));
        return commandNode.orElseGet(() -> IqErrors.error(iq, org.xmpp.packet.PacketError.Condition.item_not_found,
                "no such node", localeOf(iq)));
    }

    /** A WhatsApp contact: a phone client with the features the gateway converts ({@link ContactFeatures}). */
    private IQ contactDiscoInfo(IQ iq, String node) {
        boolean contact;
        try {
            gatewayHandler().mapper().toWhatsApp(iq.getTo());
            contact = true;
        } catch (UnmappableJidException e) {
            contact = false;
        }
        if (!contact || node != null && !node.equals(ContactFeatures.caps().queryNode())) {
            return IqErrors.error(iq, PacketError.Condition.item_not_found,
                    contact ? "no such node" : "not a WhatsApp contact address", localeOf(iq));
        }
        IQ answer = IQ.createResultIQ(iq);
        Element query = ContactFeatures.query();
        if (node != null) {
            query.addAttribute("node", node);
        }
        answer.setChildElement(query);
        return answer;
    }

    /** Gateway disco#items: the XEP-0050 command list on the commands node, otherwise no items. */
    @Override
    protected IQ handleDiscoItems(IQ iq) {
        String node = iq.getChildElement().attributeValue("node");
        if (AdHocCommands.NAMESPACE.equals(node) && iq.getTo() != null && iq.getTo().getNode() == null
                && services.commands().isPresent()) {
            return services.commands().get().adHoc().listItems(iq, getJID(), localeOf(iq));
        }
        IQ empty = IQ.createResultIQ(iq);
        Element query = empty.setChildElement("query", DISCO_ITEMS);
        if (node != null) {
            query.addAttribute("node", node);
        }
        return empty;
    }

    /**
     * The gateway's XEP-0115 caps, computed from its own disco#info answer (so the two never disagree).
     *
     * @throws IllegalStateException if the component's disco#info breaks the XEP-0115 rules (a bug)
     */
    public CapsElement caps() {
        IQ probe = new IQ(IQ.Type.get);
        probe.setTo(getJID());
        probe.setChildElement("query", DISCO_INFO);
        try {
            return new CapsElement(CAPS_NODE, CapsVersion.of(handleDiscoInfo(probe).getChildElement()));
        } catch (MalformedElementException e) {
            throw new IllegalStateException("gateway disco#info is not valid for XEP-0115", e);
        }
    }

    /**
     * Adds the gateway's {@code <c/>} (XEP-0115) to a presence the gateway sends from its own JID, replacing any
     * earlier one; the session layer calls this for every gateway presence.
     *
     * @return the same presence, for chaining
     */
    public Presence withCaps(Presence presence) {
        Element old = presence.getChildElement("c", CapsElement.NAMESPACE);
        if (old != null) {
            presence.getElement().remove(old);
        }
        presence.getElement().add(caps().toElement());
        return presence;
    }

    @Override
    public void postComponentStart() {
        // the domain is known once Openfire initialized the component
        gateway = new GatewayIqHandler(services, new JidMapper(getJID().getDomain()));
    }

    @Override
    protected IQ handleIQGet(IQ iq) {
        switch (namespaceOf(iq)) {
            case RegistrationQuery.NAMESPACE:
                if (!fromLocalUser(iq)) {
                    return refuseRemote(iq);
                }
                return registration.get(iq, localeOf(iq));
            case GatewayQuery.NAMESPACE:
                return gatewayHandler().get(iq, localeOf(iq));
            case SoftwareVersion.NAMESPACE:
                IQ answer = IQ.createResultIQ(iq);
                answer.setChildElement(new SoftwareVersion(name, services.version()).toElement());
                return answer;
            default:
                return null; // Tinder answers feature-not-implemented
        }
    }

    @Override
    protected IQ handleIQSet(IQ iq) {
        switch (namespaceOf(iq)) {
            case RegistrationQuery.NAMESPACE:
                if (!fromLocalUser(iq)) {
                    return refuseRemote(iq);
                }
                return registration.set(iq, localeOf(iq));
            case GatewayQuery.NAMESPACE:
                return gatewayHandler().set(iq, localeOf(iq));
            case AdHocCommands.NAMESPACE:
                if (services.commands().isEmpty() || iq.getTo().getNode() != null) {
                    return null;
                }
                if (!fromLocalUser(iq)) {
                    return refuseRemote(iq);
                }
                return services.commands().get().adHoc().execute(iq, localeOf(iq));
            default:
                return null;
        }
    }

    /** Wires message and presence handling (the plugin does so once the component is registered). */
    public void useMessaging(GatewayMessaging handler) {
        this.messaging = handler;
    }

    @Override
    protected void handlePresence(org.xmpp.packet.Presence presence) {
        GatewayMessaging handler = messaging;
        if (handler != null && fromLocalUser(presence)) { // others have no contacts here: nothing to answer
            handler.onPresence(presence);
        }
    }

    /**
     * Messages go to the wired {@link GatewayMessaging}. Until it is wired, a message with a body cannot be
     * delivered: it is bounced with service-unavailable and a text saying so, never dropped silently.
     * Body-less messages (chat states, receipts) and errors are not bounced, since there is nothing the user
     * would lose.
     */
    @Override
    protected void handleMessage(Message message) {
        if (!fromLocalUser(message)) {
            if (message.getType() != Message.Type.error) {
                send(bounce(message, PacketError.Condition.forbidden, "whatsapp.error.remote_user",
                        serverDomain()));
            }
            return;
        }
        boolean chatCommand = message.getTo().getNode() == null && message.getType() != Message.Type.error
                && message.getBody() != null && services.commands().isPresent();
        if (chatCommand) { // words sent to the gateway JID itself are commands, with or without messaging
            send(chatReply(message, services.commands().get().chat().reply(message.getFrom().getNode(),
                    message.getBody(), localeOf(message))));
            return;
        }
        GatewayMessaging handler = messaging;
        if (handler != null) {
            handler.onMessage(message);
            return;
        }
        if (message.getType() == Message.Type.error || message.getBody() == null) {
            return;
        }
        send(bounce(message, PacketError.Condition.service_unavailable, "whatsapp.error.engine_unavailable"));
    }

    /** Too many stanzas wait for the gateway: the message is answered rather than dropped. */
    void bounceBusy(Message message) {
        if (message.getType() != Message.Type.error && message.getBody() != null) {
            send(bounce(message, PacketError.Condition.resource_constraint, "whatsapp.error.busy"));
        }
    }

    private Message bounce(Message message, PacketError.Condition condition, String key, Object... args) {
        Locale locale = localeOf(message);
        Message bounce = message.createCopy();
        bounce.setTo(message.getFrom());
        bounce.setFrom(message.getTo());
        bounce.setError(IqErrors.withText(condition, services.texts().apply(locale).get(key, args), locale));
        return bounce;
    }

    /**
     * Only users of this server may register, run commands or chat through the gateway: Openfire also routes
     * stanzas of other servers' users to components, and the gateway knows users by their node alone.
     */
    private boolean fromLocalUser(org.xmpp.packet.Packet packet) {
        JID from = packet.getFrom();
        return from != null && from.getNode() != null && from.getDomain().equals(serverDomain());
    }

    /** The XMPP domain of the server the gateway runs in (Tinder's {@code getDomain()} is the gateway's own). */
    private String serverDomain() {
        return compMan == null ? "" : compMan.getServerName();
    }

    private IQ refuseRemote(IQ iq) {
        Locale locale = localeOf(iq);
        return IqErrors.error(iq, PacketError.Condition.forbidden,
                services.texts().apply(locale).get("whatsapp.error.remote_user", serverDomain()), locale);
    }

    /** A chat answer from the gateway JID to the sender, in the same thread. */
    private static Message chatReply(Message request, String text) {
        Message reply = new Message();
        reply.setType(Message.Type.chat);
        reply.setFrom(new JID(null, request.getTo().getDomain(), null));
        reply.setTo(request.getFrom());
        reply.setThread(request.getThread());
        reply.setBody(text);
        return reply;
    }

    private GatewayIqHandler gatewayHandler() {
        GatewayIqHandler handler = gateway;
        if (handler == null) { // started without postComponentStart (tests that call handlers directly)
            handler = new GatewayIqHandler(services, new JidMapper(getJID().getDomain()));
            gateway = handler;
        }
        return handler;
    }

    private static String namespaceOf(IQ iq) {
        Element child = iq.getChildElement();
        return child == null ? "" : child.getNamespaceURI();
    }

    /** The request's xml:lang, else the server's locale. */
    private static Locale localeOf(org.xmpp.packet.Packet packet) {
        String lang = packet.getElement().attributeValue(XML_LANG);
        return lang == null || lang.isBlank() ? JiveGlobals.getLocale() : Locale.forLanguageTag(lang);
    }
}
