/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Optional;

/** The {@code type} of a {@code <receipt>} (whatsapp-protocol.md §5.7, §5.8); no attribute means delivery. */
public enum ReceiptType {
    DELIVERY(null),
    INACTIVE("inactive"),
    SENDER("sender"),
    PEER_MSG("peer_msg"),
    READ("read"),
    READ_SELF("read-self"),
    PLAYED("played"),
    PLAYED_SELF("played-self"),
    RETRY("retry"),
    SERVER_ERROR("server-error"),
    HIST_SYNC("hist_sync"),
    /** A type this table does not know; the raw text stays in {@link ReceiptStanza#type()}. */
    OTHER(null);

    private final String wireName;

    ReceiptType(String wireName) {
        this.wireName = wireName;
    }

    /** The attribute value; empty for {@link #DELIVERY} (no attribute) and {@link #OTHER}. */
    public Optional<String> wireName() {
        return Optional.ofNullable(wireName);
    }

    public static ReceiptType fromWire(Optional<String> type) {
        if (type.isEmpty()) {
            return DELIVERY;
        }
        for (ReceiptType t : values()) {
            if (type.get().equals(t.wireName)) {
                return t;
            }
        }
        return OTHER;
    }
}
