/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The bytes a client sends once before its first frame (whatsapp-protocol.md §2.2): an optional edge-routing
 * prefix {@code 'E' 'D' 00 01 <len24> <routing>}, then the header {@code 'W' 'A' <major> <dict>}. Only
 * the 4-byte header is the Noise prologue.
 *
 * @param routingInfo routing bytes from an earlier {@code <edge_routing>}, or empty when no prefix is sent
 */
public record ConnectionIntro(byte[] routingInfo, int major, int dictVersion) {
    /** Routing info is a short opaque token; anything bigger is refused rather than buffered. */
    public static final int MAX_ROUTING_INFO = 4096;

    public ConnectionIntro {
        routingInfo = routingInfo == null ? new byte[0] : routingInfo.clone();
        if (routingInfo.length > MAX_ROUTING_INFO) {
            throw new IllegalArgumentException("routing info too long: " + routingInfo.length);
        }
        if (major < 0 || major > 255 || dictVersion < 0 || dictVersion > 255) {
            throw new IllegalArgumentException("header bytes out of range");
        }
    }

    /** The intro a client sends under {@code profile}; routing info is used only if the profile says so. */
    public static ConnectionIntro forProfile(org.wabridge.core.ProtocolProfile profile, byte[] routingInfo) {
        return new ConnectionIntro(profile.sendEdgeRouting() ? routingInfo : null, profile.headerMajor(),
                profile.dictVersion());
    }

    @Override
    public byte[] routingInfo() {
        return routingInfo.clone();
    }

    public boolean hasRoutingInfo() {
        return routingInfo.length > 0;
    }

    /** The 4-byte {@code WA} header, the Noise prologue. */
    public byte[] header() {
        return new byte[] {'W', 'A', (byte) major, (byte) dictVersion};
    }

    /** The intro as sent on the wire. */
    public byte[] encode() {
        byte[] header = header();
        if (!hasRoutingInfo()) {
            return header;
        }
        byte[] out = new byte[7 + routingInfo.length + 4];
        out[0] = 'E';
        out[1] = 'D';
        out[2] = 0;
        out[3] = 1;
        out[4] = (byte) (routingInfo.length >>> 16);
        out[5] = (byte) (routingInfo.length >>> 8);
        out[6] = (byte) routingInfo.length;
        System.arraycopy(routingInfo, 0, out, 7, routingInfo.length);
        System.arraycopy(header, 0, out, 7 + routingInfo.length, 4);
        return out;
    }

    /** A parsed intro and how many input bytes it took. */
    public record Parsed(ConnectionIntro intro, int consumed) {
    }

    /**
     * Parses an intro from the start of {@code data[0, len)}. Returns empty while more bytes are needed,
     * never reads past the intro, and throws as soon as the bytes cannot be a valid intro.
     */
    public static Optional<Parsed> parse(byte[] data, int len, Set<Integer> acceptedDictVersions)
            throws ConnectionIntroException {
        int pos = 0;
        byte[] routing = new byte[0];
        if (len >= 1 && data[0] == 'E') {
            if (len < 7) {
                return checkPrefix(data, len);
            }
            if (data[1] != 'D' || data[2] != 0 || data[3] != 1) {
                throw new ConnectionIntroException("bad edge-routing prefix: expected 'ED' 00 01");
            }
            int routingLen = ((data[4] & 0xFF) << 16) | ((data[5] & 0xFF) << 8) | (data[6] & 0xFF);
            if (routingLen > MAX_ROUTING_INFO) {
                throw new ConnectionIntroException("edge-routing info of " + routingLen + " bytes exceeds "
                        + MAX_ROUTING_INFO);
            }
            if (len < 7 + routingLen) {
                return Optional.empty();
            }
            routing = Arrays.copyOfRange(data, 7, 7 + routingLen);
            pos = 7 + routingLen;
        }
        int available = len - pos;
        if (available >= 1 && data[pos] != 'W' || available >= 2 && data[pos + 1] != 'A') {
            throw new ConnectionIntroException("bad connection header magic: expected 'WA'");
        }
        if (available < 4) {
            return Optional.empty();
        }
        int major = data[pos + 2] & 0xFF;
        int dict = data[pos + 3] & 0xFF;
        if (!acceptedDictVersions.contains(dict)) {
            throw new ConnectionIntroException("unsupported token dictionary version " + dict + " (accepted: "
                    + acceptedDictVersions + ")");
        }
        return Optional.of(new Parsed(new ConnectionIntro(routing, major, dict), pos + 4));
    }

    private static Optional<Parsed> checkPrefix(byte[] data, int len) throws ConnectionIntroException {
        byte[] expected = {'E', 'D', 0, 1};
        for (int i = 0; i < Math.min(len, expected.length); i++) {
            if (data[i] != expected[i]) {
                throw new ConnectionIntroException("bad edge-routing prefix: expected 'ED' 00 01");
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionIntro other && other.major == major && other.dictVersion == dictVersion
                && Arrays.equals(other.routingInfo, routingInfo);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(routingInfo) * 31 * 31 + major * 31 + dictVersion;
    }

    @Override
    public String toString() {
        return "ConnectionIntro[WA " + major + "/" + dictVersion + (hasRoutingInfo()
                ? ", routing " + routingInfo.length + " bytes" : "") + "]";
    }
}
