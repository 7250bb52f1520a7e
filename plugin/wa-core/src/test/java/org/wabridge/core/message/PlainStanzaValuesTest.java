/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Receipts and chat states are plain values; their invariants and immutability. */
class PlainStanzaValuesTest {
    @Test
    void receiptCopiesItsIdsAndNeedsAtLeastOne() {
        List<String> ids = new ArrayList<>(List.of("A", "B"));
        Receipt receipt = new Receipt(Receipt.Type.READ, MessageSamples.BOB, Optional.empty(), ids, Instant.ofEpochSecond(1_700_000_000L));
        ids.add("C");
        assertEquals(List.of("A", "B"), receipt.messageIds());
        assertThrows(UnsupportedOperationException.class, () -> receipt.messageIds().add("D"));
        assertThrows(IllegalArgumentException.class, () -> new Receipt(Receipt.Type.DELIVERED, MessageSamples.BOB,
                Optional.empty(), List.of(), Instant.EPOCH));
    }

    @Test
    void onlyComposingCanBeAudio() {
        assertTrue(new ChatState(MessageSamples.BOB, Optional.empty(), ChatState.State.COMPOSING, true).audio());
        assertThrows(IllegalArgumentException.class,
                () -> new ChatState(MessageSamples.BOB, Optional.empty(), ChatState.State.PAUSED, true));
    }

    @Test
    void everyPayloadKindIsOneSealedHierarchy() {
        List<WaPayload> all = new ArrayList<>(MessageSamples.all());
        all.add(new Receipt(Receipt.Type.PLAYED, MessageSamples.BOB, Optional.of(MessageSamples.ALICE), List.of("X"), Instant.EPOCH));
        all.add(new ChatState(MessageSamples.BOB, Optional.empty(), ChatState.State.PAUSED, false));
        assertEquals(21, all.size());
        assertTrue(MessageContent.class.isSealed() && WaPayload.class.isSealed());
    }

    @Test
    void octetsHideTheirBytesInToString() {
        Octets key = Octets.ofHex("00112233");
        assertEquals("Octets[4 bytes]", key.toString());
        assertEquals("00112233", key.toHex());
        assertEquals(Octets.ofHex("00112233"), key);
    }
}
