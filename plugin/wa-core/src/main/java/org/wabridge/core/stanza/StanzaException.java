/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

/** A node that does not have the shape a stanza or IQ needs; the message names the tag and the problem. */
public class StanzaException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String tag;

    public StanzaException(String tag, String problem) {
        super("<" + tag + ">: " + problem);
        this.tag = tag;
    }

    public StanzaException(String tag, String problem, Throwable cause) {
        super("<" + tag + ">: " + problem, cause);
        this.tag = tag;
    }

    /** The tag of the node that was wrong (possibly a child of the stanza). */
    public String tag() {
        return tag;
    }
}
