/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0115;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.wabridge.openfire.xep.MalformedElementException;

/**
 * The XEP-0115 §5.1 verification string of a disco#info answer, with SHA-1 (the hash every client supports).
 * Pure: a {@code <query xmlns='http://jabber.org/protocol/disco#info'/>} element in, a base64 string out.
 * Sorting is by octets of the UTF-8 encoding ("i;octet", RFC 4790), as the XEP requires.
 */
public final class CapsVersion {

    public static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    private static final String DATA_FORMS = "jabber:x:data";
    private static final QName XML_LANG = QName.get("lang", Namespace.XML_NAMESPACE);
    private static final Comparator<String> OCTETS = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private CapsVersion() {
    }

    /**
     * @param query the disco#info {@code <query/>} as the entity answers it
     * @return the base64 SHA-1 verification string
     * @throws MalformedElementException if the query breaks a §5.4 rule the XEP makes fatal (duplicate identity,
     *                                   duplicate feature, duplicate form type, or a form without FORM_TYPE)
     */
    public static String of(Element query) throws MalformedElementException {
        if (!"query".equals(query.getName()) || !DISCO_INFO.equals(query.getNamespaceURI())) {
            throw new MalformedElementException(DISCO_INFO, "not a disco#info query: " + query.getQualifiedName());
        }
        StringBuilder s = new StringBuilder();
        List<String> identities = new ArrayList<>();
        for (Element identity : query.elements("identity")) {
            identities.add(attr(identity, "category") + "/" + attr(identity, "type") + "/"
                    + Objects.toString(identity.attributeValue(XML_LANG), "") + "/" + attr(identity, "name"));
        }
        appendSortedUnique(s, identities, "identity");
        List<String> features = new ArrayList<>();
        for (Element feature : query.elements("feature")) {
            features.add(attr(feature, "var"));
        }
        appendSortedUnique(s, features, "feature");
        appendForms(s, query);
        return Base64.getEncoder().encodeToString(sha1(s.toString()));
    }

    private static void appendSortedUnique(StringBuilder s, List<String> values, String what)
            throws MalformedElementException {
        values.sort(OCTETS);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0 && values.get(i).equals(values.get(i - 1))) {
                throw new MalformedElementException(DISCO_INFO, "duplicate " + what + " " + values.get(i));
            }
            s.append(values.get(i)).append('<');
        }
    }

    private static void appendForms(StringBuilder s, Element query) throws MalformedElementException {
        List<Element> forms = new ArrayList<>();
        for (Element x : query.elements()) {
            if ("x".equals(x.getName()) && DATA_FORMS.equals(x.getNamespaceURI())) {
                forms.add(x);
            }
        }
        List<String[]> typed = new ArrayList<>(); // {FORM_TYPE, serialized fields}
        for (Element form : forms) {
            String formType = null;
            List<String> fields = new ArrayList<>();
            for (Element field : form.elements("field")) {
                List<String> values = new ArrayList<>();
                for (Element value : field.elements("value")) {
                    values.add(value.getText());
                }
                if ("FORM_TYPE".equals(field.attributeValue("var"))) {
                    if (formType != null || values.size() != 1) {
                        throw new MalformedElementException(DISCO_INFO, "FORM_TYPE must have exactly one value");
                    }
                    // §5.4: a FORM_TYPE that is not hidden makes the form one to ignore
                    formType = "hidden".equals(field.attributeValue("type")) ? values.get(0) : "";
                    continue;
                }
                values.sort(OCTETS);
                StringBuilder f = new StringBuilder(attr(field, "var")).append('<');
                values.forEach(v -> f.append(v).append('<'));
                fields.add(f.toString());
            }
            if (formType == null || formType.isEmpty()) {
                continue; // §5.4: forms without a (hidden) FORM_TYPE are ignored
            }
            fields.sort(OCTETS);
            typed.add(new String[] {formType, String.join("", fields)});
        }
        typed.sort((a, b) -> OCTETS.compare(a[0], b[0]));
        for (int i = 0; i < typed.size(); i++) {
            if (i > 0 && typed.get(i)[0].equals(typed.get(i - 1)[0])) {
                throw new MalformedElementException(DISCO_INFO,
                        "two extended forms with FORM_TYPE " + typed.get(i)[0]);
            }
            s.append(typed.get(i)[0]).append('<').append(typed.get(i)[1]);
        }
    }

    private static String attr(Element element, String name) {
        return Objects.toString(element.attributeValue(name), "");
    }

    private static byte[] sha1(String input) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(input.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
