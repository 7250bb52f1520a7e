/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0092;

import java.util.Objects;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;

/** {@code <query xmlns='jabber:iq:version'><name/><version/></query>} (XEP-0092 §2). */
public record SoftwareVersion(String name, String version) {

    public static final String NAMESPACE = "jabber:iq:version";
    public static final String ELEMENT = "query";

    public SoftwareVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    public Element toElement() {
        Element query = Elements.create(ELEMENT, NAMESPACE);
        query.addElement("name").setText(name);
        query.addElement("version").setText(version);
        return query;
    }
}
