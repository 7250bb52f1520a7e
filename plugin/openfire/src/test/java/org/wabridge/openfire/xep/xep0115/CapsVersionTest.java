/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0115;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.wabridge.openfire.xep.MalformedElementException;

/** Golden vectors: the worked examples of XEP-0115 version 1.6, §5.2 (simple) and §5.3 (complex). */
class CapsVersionTest {

    private static Element parse(String xml) throws Exception {
        return DocumentHelper.parseText(xml).getRootElement();
    }

    @Test
    void simpleGenerationExampleOfSection5_2() throws Exception {
        // XEP-0115 §5.2: client/pc//Exodus 0.9.1 with caps, disco#info, disco#items and muc
        Element query = parse("<query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<identity category='client' name='Exodus 0.9.1' type='pc'/>"
                + "<feature var='http://jabber.org/protocol/muc'/>"
                + "<feature var='http://jabber.org/protocol/disco#info'/>"
                + "<feature var='http://jabber.org/protocol/disco#items'/>"
                + "<feature var='http://jabber.org/protocol/caps'/>"
                + "</query>");
        assertEquals("QgayPKawpkPSDYmwT/WM94uAlu0=", CapsVersion.of(query));
    }

    @Test
    void complexGenerationExampleOfSection5_3() throws Exception {
        // XEP-0115 §5.3: two identities with xml:lang (one in Greek), and a softwareinfo form (XEP-0232)
        Element query = parse("<query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<identity xml:lang='en' category='client' name='Psi 0.11' type='pc'/>"
                + "<identity xml:lang='el' category='client' name='\u03a8 0.11' type='pc'/>"
                + "<feature var='http://jabber.org/protocol/caps'/>"
                + "<feature var='http://jabber.org/protocol/disco#info'/>"
                + "<feature var='http://jabber.org/protocol/disco#items'/>"
                + "<feature var='http://jabber.org/protocol/muc'/>"
                + "<x xmlns='jabber:x:data' type='result'>"
                + "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:dataforms:softwareinfo</value></field>"
                + "<field var='ip_version' type='text-multi'><value>ipv4</value><value>ipv6</value></field>"
                + "<field var='os'><value>Mac</value></field>"
                + "<field var='os_version'><value>10.5.1</value></field>"
                + "<field var='software'><value>Psi</value></field>"
                + "<field var='software_version'><value>0.11</value></field>"
                + "</x></query>");
        assertEquals("q07IKJEyjvHSyhy//CH0CxmKi8w=", CapsVersion.of(query));
    }

    @Test
    void duplicateFeaturesAreRejectedAsSection5_4Demands() throws Exception {
        Element query = parse("<query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<identity category='gateway' type='whatsapp' name='WhatsApp'/>"
                + "<feature var='jabber:iq:register'/><feature var='jabber:iq:register'/></query>");
        assertThrows(MalformedElementException.class, () -> CapsVersion.of(query));
    }

    @Test
    void formsWithoutAHiddenFormTypeAreIgnoredAsSection5_4Says() throws Exception {
        String base = "<identity category='gateway' type='whatsapp' name='WhatsApp'/><feature var='urn:x'/>";
        String plain = CapsVersion.of(parse("<query xmlns='http://jabber.org/protocol/disco#info'>" + base
                + "</query>"));
        String withLooseForm = CapsVersion.of(parse("<query xmlns='http://jabber.org/protocol/disco#info'>" + base
                + "<x xmlns='jabber:x:data' type='result'><field var='FORM_TYPE'><value>urn:y</value></field>"
                + "<field var='a'><value>b</value></field></x></query>"));
        assertEquals(plain, withLooseForm);
    }

    @Test
    void theCapsElementCarriesHashNodeAndVer() {
        CapsElement c = new CapsElement("urn:example", "abc=");
        assertEquals("<c xmlns=\"http://jabber.org/protocol/caps\" hash=\"sha-1\" node=\"urn:example\" ver=\"abc=\"/>",
                c.toElement().asXML());
        assertEquals("urn:example#abc=", c.queryNode());
    }
}
