/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.id;

import java.util.Objects;
import java.util.regex.Pattern;

import org.wabridge.core.jid.WaJid;
import org.xmpp.packet.JID;

/**
 * The one place translating WhatsApp addresses to XMPP JIDs of the gateway domain and back.
 *
 * <p>A WhatsApp user with a phone number appears as {@code +<E.164 digits>@<gateway domain>}, e.g.
 * {@code +491701234567@whatsapp.example.org}. The {@code +} is a valid localpart character: RFC 7622 §3.3
 * (the UsernameCaseMapped profile of PRECIS, like nodeprep before it) forbids only {@code " & ' / : < > @}
 * and spaces, which are exactly the characters XEP-0106 escapes; digits and {@code +} pass unchanged, so no
 * escaping is needed and the JID reads like the number a person dials. A WhatsApp user known only by LID
 * appears as {@code lid-<digits>@<gateway domain>} (no {@code +}, so it cannot be confused with a number).
 *
 * <p>Parsing validates strictly: the domain must be the gateway's, the localpart must be {@code +} and 7 to
 * 15 digits not starting with 0 (ITU-T E.164 allows at most 15 digits), or the LID form. Device parts and
 * resources never appear in contact JIDs.
 */
public final class JidMapper {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern LID = Pattern.compile("lid-[1-9][0-9]{0,24}");
    private static final String LID_PREFIX = "lid-";

    private final String gatewayDomain;

    /** @param gatewayDomain the component's domain, e.g. {@code whatsapp.example.org} */
    public JidMapper(String gatewayDomain) {
        this.gatewayDomain = Objects.requireNonNull(gatewayDomain, "gatewayDomain");
        if (gatewayDomain.isEmpty() || gatewayDomain.contains("@") || gatewayDomain.contains("/")) {
            throw new IllegalArgumentException("not a domain: " + gatewayDomain);
        }
    }

    /** @return the gateway's own JID (the component address) */
    public JID gatewayJid() {
        return new JID(null, gatewayDomain, null);
    }

    /**
     * @param user a WhatsApp user (phone or LID server); the device part is dropped
     * @return the bare contact JID for that user
     * @throws UnmappableJidException for groups, broadcasts, servers and other address kinds
     */
    public JID toXmpp(WaJid user) throws UnmappableJidException {
        Objects.requireNonNull(user, "user");
        if (!user.hasUser()) {
            throw new UnmappableJidException("a WhatsApp server address is not a contact: " + user.server());
        }
        if (WaJid.USER_SERVER.equals(user.server()) || WaJid.LEGACY_USER_SERVER.equals(user.server())) {
            return contactJid("+" + user.user());
        }
        if (user.isLid()) {
            return contactJid(LID_PREFIX + user.user());
        }
        throw new UnmappableJidException("no contact JID for WhatsApp addresses on server '" + user.server() + "'");
    }

    /**
     * @param contact a JID of the gateway domain (any resource is ignored)
     * @return the WhatsApp user it stands for, without device
     * @throws UnmappableJidException if the domain is not the gateway's or the localpart is neither form
     */
    public WaJid toWhatsApp(JID contact) throws UnmappableJidException {
        Objects.requireNonNull(contact, "contact");
        if (!gatewayDomain.equals(contact.getDomain())) {
            throw new UnmappableJidException("not an address of the WhatsApp gateway " + gatewayDomain);
        }
        String node = contact.getNode();
        if (node != null && E164.matcher(node).matches()) {
            return WaJid.phone(node.substring(1));
        }
        if (node != null && LID.matcher(node).matches()) {
            return WaJid.lid(node.substring(LID_PREFIX.length()));
        }
        throw new UnmappableJidException("the address is not +<international number> or lid-<id> at "
                + gatewayDomain);
    }

    /**
     * @param e164 a number already normalized to E.164 ({@code +} and digits)
     * @return its contact JID
     * @throws UnmappableJidException if it is not E.164
     */
    public JID fromE164(String e164) throws UnmappableJidException {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new UnmappableJidException("not an E.164 number");
        }
        return contactJid(e164);
    }

    private JID contactJid(String node) {
        return new JID(node, gatewayDomain, null);
    }
}
