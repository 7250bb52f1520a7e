/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.jid;

import java.util.Objects;

/**
 * An immutable WhatsApp address: {@code user}, {@code device}, {@code integrator} and {@code server}.
 *
 * <p>Text form: {@code [user[:device]@]server}; device 0 is not written. Interop addresses use
 * {@code integrator-user:device@interop} (the Baileys rendering, §4) because it is the only text form that keeps
 * the integrator, so parse(format(j)) is lossless for every kind; whatsmeow's shorter rendering drops it and is
 * therefore rejected by {@link #parse}. Text is for logs, configuration and storage keys only: on the wire the
 * binary codec writes the structured fields directly.
 *
 * <p>Device numbers: 0..255 on the device-capable servers ({@code s.whatsapp.net}, {@code lid}, {@code hosted},
 * {@code hosted.lid}: one byte in AD_JID), 0..65535 on {@code msgr} and {@code interop} (u16 on the wire); other
 * servers have no devices. The integrator (u16) exists only on {@code interop}.
 */
public final class WaJid {
    public static final String USER_SERVER = "s.whatsapp.net";
    public static final String LEGACY_USER_SERVER = "c.us";
    public static final String LID_SERVER = "lid";
    public static final String GROUP_SERVER = "g.us";
    public static final String BROADCAST_SERVER = "broadcast";
    public static final String HOSTED_SERVER = "hosted";
    public static final String HOSTED_LID_SERVER = "hosted.lid";
    public static final String MESSENGER_SERVER = "msgr";
    public static final String INTEROP_SERVER = "interop";
    public static final String NEWSLETTER_SERVER = "newsletter";
    public static final String BOT_SERVER = "bot";

    /** The chat server itself ({@code s.whatsapp.net}), the usual {@code to} of an iq. */
    public static final WaJid SERVER = new WaJid("", 0, 0, USER_SERVER);
    /** {@code status@broadcast}. */
    public static final WaJid STATUS_BROADCAST = new WaJid("status", 0, 0, BROADCAST_SERVER);

    private final String user;
    private final int device;
    private final int integrator;
    private final String server;

    private WaJid(String user, int device, int integrator, String server) {
        this.user = Objects.requireNonNull(user, "user");
        this.server = Objects.requireNonNull(server, "server");
        if (server.isEmpty()) {
            throw new IllegalArgumentException("JID server must not be empty");
        }
        if (device < 0 || device > maxDevice(server)) {
            throw new IllegalArgumentException("device " + device + " out of range for server " + server);
        }
        if (integrator < 0 || integrator > 0xFFFF || (integrator != 0 && !INTEROP_SERVER.equals(server))) {
            throw new IllegalArgumentException("integrator " + integrator + " not allowed for server " + server);
        }
        this.device = device;
        this.integrator = integrator;
    }

    private static int maxDevice(String server) {
        switch (server) {
            case USER_SERVER: case LID_SERVER: case HOSTED_SERVER: case HOSTED_LID_SERVER:
                return 0xFF;
            case MESSENGER_SERVER: case INTEROP_SERVER:
                return 0xFFFF;
            default:
                return 0;
        }
    }

    /** Any address without device: {@code user@server}, or the bare server when {@code user} is empty. */
    public static WaJid of(String user, String server) {
        return new WaJid(user, 0, 0, server);
    }

    /** Any address with a device; throws {@link IllegalArgumentException} if the server has no devices. */
    public static WaJid of(String user, int device, String server) {
        return new WaJid(user, device, 0, server);
    }

    /** A bare server such as {@code s.whatsapp.net} or {@code g.us}. */
    public static WaJid server(String server) {
        return new WaJid("", 0, 0, server);
    }

    /** A phone-number user, E.164 digits without '+': {@code 491701234567@s.whatsapp.net}. */
    public static WaJid phone(String digits) {
        return new WaJid(digits, 0, 0, USER_SERVER);
    }

    /** A LID user: {@code 123456789012345@lid}. */
    public static WaJid lid(String lid) {
        return new WaJid(lid, 0, 0, LID_SERVER);
    }

    public static WaJid group(String id) {
        return new WaJid(id, 0, 0, GROUP_SERVER);
    }

    public static WaJid broadcast(String id) {
        return new WaJid(id, 0, 0, BROADCAST_SERVER);
    }

    /** A Messenger user device: {@code fbid:device@msgr}. */
    public static WaJid messenger(String fbid, int device) {
        return new WaJid(fbid, device, 0, MESSENGER_SERVER);
    }

    /** A DMA interop user device: user as known to WhatsApp, device (u16), integrator = the partner's number. */
    public static WaJid interop(String user, int device, int integrator) {
        return new WaJid(user, device, integrator, INTEROP_SERVER);
    }

    public String user() {
        return user;
    }

    public int device() {
        return device;
    }

    public int integrator() {
        return integrator;
    }

    public String server() {
        return server;
    }

    public boolean hasUser() {
        return !user.isEmpty();
    }

    public boolean isServerOnly() {
        return user.isEmpty();
    }

    public boolean isInterop() {
        return INTEROP_SERVER.equals(server);
    }

    public boolean isMessenger() {
        return MESSENGER_SERVER.equals(server);
    }

    public boolean isGroup() {
        return GROUP_SERVER.equals(server);
    }

    public boolean isLid() {
        return LID_SERVER.equals(server) || HOSTED_LID_SERVER.equals(server);
    }

    public boolean isHosted() {
        return HOSTED_SERVER.equals(server) || HOSTED_LID_SERVER.equals(server);
    }

    public boolean isBroadcast() {
        return BROADCAST_SERVER.equals(server);
    }

    /** The same address without its device; the integrator of an interop address is kept (it names the user). */
    public WaJid toNonAd() {
        return device == 0 ? this : new WaJid(user, 0, integrator, server);
    }

    /** The same user with another device; throws if the server has no devices or the number is out of range. */
    public WaJid withDevice(int newDevice) {
        return newDevice == device ? this : new WaJid(user, newDevice, integrator, server);
    }

    /**
     * The AD_JID domain type byte of §3.5: 0 {@code s.whatsapp.net}, 1 {@code lid}, 128 {@code hosted},
     * 129 {@code hosted.lid}; -1 for servers that have no AD form.
     */
    public int domainType() {
        return domainTypeOf(server);
    }

    /** See {@link #domainType()}. */
    public static int domainTypeOf(String server) {
        switch (server) {
            case USER_SERVER: return 0;
            case LID_SERVER: return 1;
            case HOSTED_SERVER: return 128;
            case HOSTED_LID_SERVER: return 129;
            default: return -1;
        }
    }

    /** The server for an AD_JID domain type byte, or null for an unknown one. */
    public static String serverForDomainType(int domainType) {
        switch (domainType) {
            case 0: return USER_SERVER;
            case 1: return LID_SERVER;
            case 128: return HOSTED_SERVER;
            case 129: return HOSTED_LID_SERVER;
            default: return null;
        }
    }

    /** The Signal protocol address name (§4): {@code user}, or {@code user_<domainType>} when it is not 0. */
    public String signalAddressName() {
        int domain = domainType();
        return domain > 0 ? user + "_" + domain : user;
    }

    /** The Signal protocol device id: the JID device. */
    public int signalDeviceId() {
        return device;
    }

    /** The {@code user.agent:device@server} form used as participant-hash input (§4); agent = domain type. */
    public String toAdString() {
        return user + "." + Math.max(domainType(), 0) + ":" + device + "@" + server;
    }

    /** The text form described in the class comment. */
    @Override
    public String toString() {
        if (user.isEmpty()) {
            return server;
        }
        StringBuilder text = new StringBuilder(user.length() + server.length() + 12);
        if (isInterop()) {
            text.append(integrator).append('-');
        }
        text.append(user);
        if (device != 0) {
            text.append(':').append(device);
        }
        return text.append('@').append(server).toString();
    }

    /** Parses the text form produced by {@link #toString()}. */
    public static WaJid parse(String text) throws InvalidJidException {
        Objects.requireNonNull(text, "text");
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return build(text, "", 0, 0, text);
        }
        String server = text.substring(at + 1);
        String local = text.substring(0, at);
        if (local.isEmpty()) {
            throw new InvalidJidException(text, "empty user before '@'");
        }
        int integrator = 0;
        if (INTEROP_SERVER.equals(server)) {
            int dash = local.indexOf('-');
            if (dash < 0) {
                throw new InvalidJidException(text, "interop JID needs the form integrator-user[:device]@interop");
            }
            integrator = parseNumber(text, local.substring(0, dash), 0xFFFF, "integrator");
            local = local.substring(dash + 1);
        }
        int device = 0;
        int colon = local.lastIndexOf(':');
        if (colon >= 0) {
            device = parseNumber(text, local.substring(colon + 1), 0xFFFF, "device");
            local = local.substring(0, colon);
        }
        if (local.isEmpty() || local.indexOf('@') >= 0 || local.indexOf(':') >= 0) {
            throw new InvalidJidException(text, "bad user part '" + local + "'");
        }
        return build(text, local, device, integrator, server);
    }

    private static WaJid build(String text, String user, int device, int integrator, String server)
            throws InvalidJidException {
        try {
            return new WaJid(user, device, integrator, server);
        } catch (IllegalArgumentException e) {
            throw new InvalidJidException(text, e.getMessage());
        }
    }

    private static int parseNumber(String text, String digits, int max, String what) throws InvalidJidException {
        if (digits.isEmpty() || digits.length() > 5) {
            throw new InvalidJidException(text, what + " must be 1 to 5 digits");
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidJidException(text, what + " is not a number");
            }
            value = value * 10 + (c - '0');
        }
        if (value > max) {
            throw new InvalidJidException(text, what + " " + value + " exceeds " + max);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WaJid)) {
            return false;
        }
        WaJid other = (WaJid) o;
        return device == other.device && integrator == other.integrator
                && user.equals(other.user) && server.equals(other.server);
    }

    @Override
    public int hashCode() {
        return ((user.hashCode() * 31 + server.hashCode()) * 31 + device) * 31 + integrator;
    }
}
