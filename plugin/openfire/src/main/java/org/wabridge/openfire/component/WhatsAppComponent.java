/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import java.util.Objects;

import org.xmpp.component.AbstractComponent;

/**
 * The gateway's XMPP component at {@code <subdomain>.<xmpp domain>}. It receives every stanza addressed to
 * the gateway and its contacts. For now it only describes itself in service discovery (XEP-0030) as a
 * gateway of type {@value #IDENTITY_TYPE} (XEP-0100 §4); account linking and messaging are added by later
 * issues. Ping, last activity and entity time come from Tinder's {@link AbstractComponent}.
 */
public final class WhatsAppComponent extends AbstractComponent {

    /** disco#info identity category (XEP-0030 registry: gateway). */
    public static final String IDENTITY_CATEGORY = "gateway";
    /** disco#info identity type for this legacy network. */
    public static final String IDENTITY_TYPE = "whatsapp";

    private final String name;

    /**
     * @param name         the identity name shown in service discovery
     * @param threads      size of Tinder's stanza worker pool
     * @param maxQueueSize stanzas that may wait for a worker
     */
    public WhatsAppComponent(String name, int threads, int maxQueueSize) {
        super(threads, maxQueueSize, true);
        this.name = Objects.requireNonNull(name, "name");
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
}
