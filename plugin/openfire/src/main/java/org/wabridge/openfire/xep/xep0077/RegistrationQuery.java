/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0077;

import java.util.Optional;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;

/**
 * The {@code <query xmlns='jabber:iq:register'/>} payloads of the gateway: the form answered to a get
 * (XEP-0077 §3.1 with the data form of §6; {@code <registered/>} when already registered), and the parsed
 * submission of a set (a {@code submit} form, or {@code <remove/>}, §3.2).
 */
public final class RegistrationQuery {

    public static final String NAMESPACE = "jabber:iq:register";
    public static final String ELEMENT = "query";
    /** FORM_TYPE of the registration form (XEP-0077 §6, registered with the XMPP registrar). */
    public static final String FORM_TYPE = "jabber:iq:register";
    public static final String FIELD_PHONE = "phone";
    public static final String FIELD_CONSENT = "consent";
    public static final String FIELD_CONSENT_VERSION = "consent-version";

    private RegistrationQuery() {
    }

    /** @return the query element with instructions and the data form */
    public static Element form(RegistrationFormSpec spec) {
        Element query = Elements.create(ELEMENT, NAMESPACE);
        if (spec.registeredPhone().isPresent()) {
            query.addElement("registered");
        }
        query.addElement("instructions").setText(spec.instructions());
        DataForm form = new DataForm(DataForm.Type.form);
        form.setTitle(spec.title());
        form.addInstruction(spec.instructions());
        FormField type = form.addField("FORM_TYPE", null, FormField.Type.hidden);
        type.addValue(FORM_TYPE);
        FormField phone = form.addField(FIELD_PHONE, spec.phoneLabel(), FormField.Type.text_single);
        phone.setRequired(true);
        spec.registeredPhone().ifPresent(phone::addValue);
        FormField disclosure = form.addField(null, null, FormField.Type.fixed);
        disclosure.addValue(spec.disclosure());
        FormField consent = form.addField(FIELD_CONSENT, spec.consentLabel(), FormField.Type.boolean_type);
        consent.setRequired(true);
        consent.addValue("0");
        FormField version = form.addField(FIELD_CONSENT_VERSION, null, FormField.Type.hidden);
        version.addValue(spec.consentVersion());
        query.add(form.getElement().createCopy());
        return query;
    }

    /**
     * What a set asked for. {@code form} is empty when the query carried no data form (e.g. only legacy
     * fields), which the gateway refuses because consent needs the form.
     */
    public record Submission(boolean remove, Optional<String> phone, boolean consent, Optional<String> consentVersion,
            boolean hasForm) {
    }

    /** @return what the set query asks for */
    public static Submission parse(Element query) {
        if (query.element("remove") != null) {
            return new Submission(true, Optional.empty(), false, Optional.empty(), false);
        }
        Element x = query.element(org.dom4j.QName.get("x", DataForm.NAMESPACE));
        if (x == null) {
            return new Submission(false, Optional.ofNullable(query.elementText("phone")), false, Optional.empty(), false);
        }
        DataForm form = new DataForm(x.createCopy());
        return new Submission(false, value(form, FIELD_PHONE), isTrue(value(form, FIELD_CONSENT)),
                value(form, FIELD_CONSENT_VERSION), true);
    }

    private static Optional<String> value(DataForm form, String var) {
        FormField field = form.getField(var);
        return field == null ? Optional.empty() : Optional.ofNullable(field.getFirstValue());
    }

    /** XEP-0004 §3.3 boolean: "1" or "true". */
    private static boolean isTrue(Optional<String> value) {
        return value.map(String::trim).map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(false);
    }
}
