/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The server side of a connection's byte stream: first the {@link ConnectionIntro}, then frames. Pure and
 * incremental like {@link FrameCodec.Decoder}; a server transport feeds it whatever the socket delivers.
 */
public final class InboundStreamDecoder {
    private final Set<Integer> acceptedDictVersions;
    private final FrameCodec.Decoder frames;
    private byte[] introBuffer = new byte[16];
    private int introFilled;
    private ConnectionIntro intro;

    public InboundStreamDecoder(Set<Integer> acceptedDictVersions, int maxFrameSize) {
        this.acceptedDictVersions = Set.copyOf(acceptedDictVersions);
        this.frames = FrameCodec.decoder(maxFrameSize);
    }

    /** The intro, once all its bytes have arrived. */
    public Optional<ConnectionIntro> intro() {
        return Optional.ofNullable(intro);
    }

    public List<byte[]> feed(byte[] data, int off, int len) throws TransportException {
        if (intro != null) {
            return frames.feed(data, off, len);
        }
        int maxIntro = 7 + ConnectionIntro.MAX_ROUTING_INFO + 4;
        int take = Math.min(len, maxIntro - introFilled);
        if (introFilled + take > introBuffer.length) {
            introBuffer = Arrays.copyOf(introBuffer, Math.min(maxIntro, Math.max(introBuffer.length * 2, introFilled + take)));
        }
        System.arraycopy(data, off, introBuffer, introFilled, take);
        introFilled += take;
        Optional<ConnectionIntro.Parsed> parsed = ConnectionIntro.parse(introBuffer, introFilled, acceptedDictVersions);
        if (parsed.isEmpty()) {
            if (take < len) {
                throw new ConnectionIntroException("connection intro longer than any valid intro");
            }
            return List.of();
        }
        intro = parsed.get().intro();
        int leftoverInBuffer = introFilled - parsed.get().consumed();
        // bytes after the intro belong to the first frames: those copied into the intro buffer, then the rest
        List<byte[]> first = frames.feed(introBuffer, parsed.get().consumed(), leftoverInBuffer);
        introBuffer = null;
        if (take == len) {
            return first;
        }
        List<byte[]> rest = frames.feed(data, off + take, len - take);
        if (first.isEmpty()) {
            return rest;
        }
        java.util.ArrayList<byte[]> all = new java.util.ArrayList<>(first);
        all.addAll(rest);
        return all;
    }

    public void endOfStream() throws TruncatedFrameException {
        if (intro == null) {
            if (introFilled > 0) {
                throw new TruncatedFrameException("stream ended inside the connection intro (" + introFilled + " bytes)");
            }
            return;
        }
        frames.endOfStream();
    }
}
