/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The wire settings that whatsapp-protocol.md marks [UNKNOWN] for interop, gathered in one value with
 * documented defaults taken from the consumer web protocol (§2.2, §1.7, §2.5).
 *
 * @param headerMajor        third byte of the {@code W A <major> <dict>} header; web multi-device uses 6
 * @param dictVersion        fourth header byte, the token dictionary version; 3 today
 * @param sendEdgeRouting    whether the client sends the {@code ED 00 01 <len24> <routing>} prefix when
 *                           it has routing info (whatsmeow never does; Baileys does)
 * @param compressOutput     whether outbound binary-XML frames are zlib-compressed (flag byte 0x02)
 * @param interopJidForm     which text/binary form the codec uses for interop JIDs (the codec documents
 *                           the values); {@code "default"} lets the codec decide
 * @param maxFrameSize       largest accepted frame body in bytes; the 3-byte length allows 2^24 - 1,
 *                           whatsmeow rejects 16 MiB and above
 * @param handshakeTimeout   how long each side waits for the peer's next handshake message (whatsmeow: 20 s)
 */
public record ProtocolProfile(int headerMajor, int dictVersion, boolean sendEdgeRouting, boolean compressOutput,
                              String interopJidForm, int maxFrameSize, Duration handshakeTimeout) {

    /** Largest value a 3-byte length can carry. */
    public static final int MAX_ENCODABLE_FRAME = (1 << 24) - 1;

    public ProtocolProfile {
        if (headerMajor < 0 || headerMajor > 255) {
            throw new IllegalArgumentException("headerMajor must fit one byte: " + headerMajor);
        }
        if (dictVersion < 0 || dictVersion > 255) {
            throw new IllegalArgumentException("dictVersion must fit one byte: " + dictVersion);
        }
        if (maxFrameSize < 1 || maxFrameSize > MAX_ENCODABLE_FRAME) {
            throw new IllegalArgumentException("maxFrameSize must be 1.." + MAX_ENCODABLE_FRAME + ": " + maxFrameSize);
        }
        Objects.requireNonNull(interopJidForm, "interopJidForm");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive");
        }
    }

    /** Web multi-device defaults: header {@code WA 06 03}, no ED prefix, no compression, 16 MiB − 1, 20 s. */
    public static ProtocolProfile defaults() {
        return new ProtocolProfile(6, 3, false, false, "default", MAX_ENCODABLE_FRAME, Duration.ofSeconds(20));
    }

    /** The 4-byte connection header {@code 'W' 'A' major dict}, also the Noise prologue. */
    public byte[] header() {
        return new byte[] {'W', 'A', (byte) headerMajor, (byte) dictVersion};
    }

    public ProtocolProfile withMaxFrameSize(int size) {
        return new ProtocolProfile(headerMajor, dictVersion, sendEdgeRouting, compressOutput, interopJidForm,
                size, handshakeTimeout);
    }

    public ProtocolProfile withHandshakeTimeout(Duration timeout) {
        return new ProtocolProfile(headerMajor, dictVersion, sendEdgeRouting, compressOutput, interopJidForm,
                maxFrameSize, timeout);
    }

    public ProtocolProfile withEdgeRouting(boolean send) {
        return new ProtocolProfile(headerMajor, dictVersion, send, compressOutput, interopJidForm,
                maxFrameSize, handshakeTimeout);
    }
}
