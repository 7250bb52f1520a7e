/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

/** A node attribute that is missing or does not have the expected type; names the tag and the key. */
public final class NodeAttributeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String tag;
    private final String key;

    public NodeAttributeException(String tag, String key, String problem) {
        super("<" + tag + "> attribute '" + key + "': " + problem);
        this.tag = tag;
        this.key = key;
    }

    public String tag() {
        return tag;
    }

    public String key() {
        return key;
    }
}
