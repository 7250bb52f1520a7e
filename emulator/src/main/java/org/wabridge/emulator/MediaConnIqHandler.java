/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.wabridge.core.binary.Node;
import org.wabridge.core.iq.IqError;
import org.wabridge.core.iq.Iqs;
import org.wabridge.core.iq.MediaConnIq;
import org.wabridge.core.stanza.StanzaException;
import org.wabridge.emulator.media.MediaAuthTokens;

/**
 * Answers {@code <iq xmlns="w:m" type="set"><media_conn/></iq>} (whatsapp-protocol.md §7.4) with a fresh upload
 * token, the configured TTLs and the emulator's media host; {@code 503} when the media host is off.
 */
final class MediaConnIqHandler {
    private final MediaAuthTokens tokens;
    private final Duration connTtl;
    /** {@code 127.0.0.1:<port>} of the running host, or null while it is off. */
    private final Supplier<String> host;

    MediaConnIqHandler(MediaAuthTokens tokens, Duration connTtl, Supplier<String> host) {
        this.tokens = tokens;
        this.connTtl = connTtl;
        this.host = host;
    }

    void handle(ClientSession from, Node iq) throws StanzaException {
        String id = Iqs.id(iq);
        MediaConnIq spec = MediaConnIq.fromRequest(iq);
        String hostName = host.get();
        if (hostName == null) {
            from.send(Iqs.error(id, IqError.UNAVAILABLE));
            return;
        }
        MediaConnIq.MediaConn conn = new MediaConnIq.MediaConn(tokens.issue(), (int) connTtl.toSeconds(),
                OptionalInt.of((int) tokens.ttl().toSeconds()), OptionalInt.empty(), List.of(hostName));
        from.send(Iqs.result(id).children(spec.resultContent(conn)).build());
    }
}
