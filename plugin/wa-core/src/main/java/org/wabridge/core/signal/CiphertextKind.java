/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

/**
 * The kind of a Signal ciphertext, named as in the {@code type} attribute of WhatsApp's {@code <enc>} element
 * (whatsapp-protocol.md §5.4).
 */
public enum CiphertextKind {
    /** PreKeySignalMessage: the first messages of a session, carrying the X3DH/PQXDH key agreement. */
    PKMSG("pkmsg"),
    /** SignalMessage: a message inside an established session. */
    MSG("msg"),
    /** SenderKeyMessage: a group message encrypted with the sender's sender key. */
    SKMSG("skmsg");

    private final String wireName;

    CiphertextKind(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code <enc type=…>} attribute. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses an {@code <enc type=…>} value.
     *
     * @throws IllegalArgumentException for any other value (for example {@code msmsg}, which is not a Signal kind)
     */
    public static CiphertextKind fromWireName(String wireName) {
        for (CiphertextKind kind : values()) {
            if (kind.wireName.equals(wireName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a Signal ciphertext kind: " + wireName);
    }
}
