/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.signal.LocalIdentity;

/** Server-side classification of request IQs (whatsapp-protocol.md §9.2). */
class ServerIqKindTest {

    @Test
    void everyClientRequestIsClassified() {
        WaJid bob = WaJid.phone("491701234567");
        assertEquals(Optional.of(ServerIqKind.PING), ServerIqKind.of(PingIq.INSTANCE.toRequest("1")));
        assertEquals(Optional.of(ServerIqKind.PASSIVE), ServerIqKind.of(PassiveIq.ACTIVE.toRequest("1")));
        assertEquals(Optional.of(ServerIqKind.PREKEY_COUNT), ServerIqKind.of(PreKeyCountIq.INSTANCE.toRequest("1")));
        assertEquals(Optional.of(ServerIqKind.PREKEY_UPLOAD), ServerIqKind.of(PreKeyUploadIq.of(
                new LocalIdentity(TestKeys.IDENTITY, 1), List.of(), TestKeys.SIGNED_PRE_KEY).toRequest("1")));
        assertEquals(Optional.of(ServerIqKind.SIGNED_PREKEY_ROTATE),
                ServerIqKind.of(new SignedPreKeyRotateIq(TestKeys.SIGNED_PRE_KEY).toRequest("1")));
        assertEquals(Optional.of(ServerIqKind.PREKEY_FETCH), ServerIqKind.of(PreKeyFetchIq.of(List.of(bob)).toRequest("1")));
        assertEquals(Optional.of(ServerIqKind.USYNC_DEVICES),
                ServerIqKind.of(UsyncDevicesIq.of("s", List.of(bob)).toRequest("1")));
        assertEquals(Optional.of(ServerIqKind.USYNC_CONTACT),
                ServerIqKind.of(new UsyncContactIq("s", List.of("+49")).toRequest("1")));
        assertEquals(Optional.of(ServerIqKind.MEDIA_CONN), ServerIqKind.of(MediaConnIq.INSTANCE.toRequest("1")));
    }

    @Test
    void unknownRequestsAreEmpty() {
        assertEquals(Optional.empty(), ServerIqKind.of(Node.builder("iq").attr("xmlns", "md").attr("type", "set").build()));
        assertEquals(Optional.empty(), ServerIqKind.of(Node.builder("iq").attr("xmlns", "encrypt").attr("type", "get")
                .child(Node.of("digest")).build()));
        assertEquals(Optional.empty(), ServerIqKind.of(Node.builder("iq").attr("xmlns", "w:p").attr("type", "set").build()));
        assertEquals(Optional.empty(), ServerIqKind.of(Node.of("message")));
    }

    @Test
    void uploadConvertsToLocalIdentity() {
        LocalIdentity identity = new LocalIdentity(TestKeys.IDENTITY, 77);
        PreKeyUploadIq upload = PreKeyUploadIq.of(identity, List.of(TestKeys.ONE_TIME), TestKeys.SIGNED_PRE_KEY);
        assertEquals(77, upload.registrationId());
        assertArrayEquals(TestKeys.IDENTITY, upload.localIdentity().identityKey());
        assertEquals(identity, upload.localIdentity());
    }
}
