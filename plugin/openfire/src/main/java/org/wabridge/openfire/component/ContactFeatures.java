/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import java.util.List;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.wabridge.openfire.xep.MalformedElementException;
import org.wabridge.openfire.xep.xep0085.ChatStateElement;
import org.wabridge.openfire.xep.xep0115.CapsElement;
import org.wabridge.openfire.xep.xep0115.CapsVersion;
import org.wabridge.openfire.xep.xep0184.ReceiptRequest;
import org.wabridge.openfire.xep.xep0308.Replace;
import org.wabridge.openfire.xep.xep0333.ChatMarker;
import org.wabridge.openfire.xep.xep0359.OriginId;
import org.wabridge.openfire.xep.xep0424.Retract;
import org.wabridge.openfire.xep.xep0428.Fallback;
import org.wabridge.openfire.xep.xep0444.Reactions;
import org.wabridge.openfire.xep.xep0461.Reply;

/**
 * What a WhatsApp contact ({@code +<number>@whatsapp.<domain>}) offers in service discovery (XEP-0030) and in
 * the caps (XEP-0115) of its presence: a phone client with the features the gateway converts both ways.
 * Clients look for them before using receipts, markers, corrections, reactions or retractions with a contact
 * (XEP-0184 §5, XEP-0085 §5.1; Conversations, Dino and Gajim do), so leaving them out would hide what works.
 * Pure: elements out, no I/O.
 */
public final class ContactFeatures {

    /** The features, in the order they are listed. */
    public static final List<String> FEATURES = List.of(CapsVersion.DISCO_INFO, ReceiptRequest.NAMESPACE,
            ChatStateElement.NAMESPACE, ChatMarker.NAMESPACE, Replace.NAMESPACE, Retract.NAMESPACE,
            Reactions.NAMESPACE, Reply.NAMESPACE, Fallback.NAMESPACE, OriginId.NAMESPACE);

    private static final String IDENTITY_CATEGORY = "client";
    private static final String IDENTITY_TYPE = "phone";
    private static final CapsElement CAPS = new CapsElement(WhatsAppComponent.CAPS_NODE, versionOf(query()));

    private ContactFeatures() {
    }

    /** A disco#info {@code <query/>} for a contact; the identity has no name, so one caps hash fits all. */
    public static Element query() {
        Element query = DocumentHelper.createElement(DocumentHelper.createQName("query",
                DocumentHelper.createNamespace("", CapsVersion.DISCO_INFO)));
        query.addElement("identity").addAttribute("category", IDENTITY_CATEGORY).addAttribute("type", IDENTITY_TYPE);
        for (String feature : FEATURES) {
            query.addElement("feature").addAttribute("var", feature);
        }
        return query;
    }

    /** The {@code <c/>} every contact presence carries. */
    public static CapsElement caps() {
        return CAPS;
    }

    private static String versionOf(Element query) {
        try {
            return CapsVersion.of(query);
        } catch (MalformedElementException e) {
            throw new IllegalStateException("contact disco#info is not valid for XEP-0115", e);
        }
    }
}
