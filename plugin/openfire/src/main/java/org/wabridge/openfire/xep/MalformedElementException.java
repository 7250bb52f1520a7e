/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep;

/**
 * An extension element is present but does not follow its XEP (for example a correction without the id of
 * the corrected message). The component answers the stanza with {@code bad-request}.
 */
public final class MalformedElementException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String namespace;

    public MalformedElementException(String namespace, String problem) {
        super(problem + " (" + namespace + ")");
        this.namespace = namespace;
    }

    /** @return the namespace of the offending element */
    public String namespace() {
        return namespace;
    }
}
