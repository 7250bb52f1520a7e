/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.Optional;
import org.wabridge.core.binary.Node;

/**
 * Server side: which spec a request IQ belongs to, from its {@code xmlns}, {@code type} and first child, so a
 * router can call the matching {@code fromRequest}. Empty for anything else (answer it with
 * {@link Iqs#error} and, e.g., {@link IqError#NOT_FOUND} or {@link IqError#BAD_REQUEST}).
 */
public enum ServerIqKind {
    PING, PASSIVE, PREKEY_COUNT, PREKEY_UPLOAD, SIGNED_PREKEY_ROTATE, PREKEY_FETCH, USYNC_DEVICES, USYNC_CONTACT,
    MEDIA_CONN;

    public static Optional<ServerIqKind> of(Node iq) {
        if (!iq.tag().equals(IqSpec.TAG)) {
            return Optional.empty();
        }
        String xmlns = iq.attrs().optString("xmlns", "");
        String type = iq.attrs().optString("type", "");
        switch (xmlns) {
            case PingIq.NAMESPACE:
                return type.equals("get") ? Optional.of(PING) : Optional.empty();
            case PassiveIq.NAMESPACE:
                return type.equals("set") ? Optional.of(PASSIVE) : Optional.empty();
            case MediaConnIq.NAMESPACE:
                return type.equals("set") ? Optional.of(MEDIA_CONN) : Optional.empty();
            case PreKeyCountIq.NAMESPACE:
                return encrypt(iq, type);
            case UsyncDevicesIq.NAMESPACE:
                if (UsyncDevicesIq.matches(iq)) {
                    return Optional.of(USYNC_DEVICES);
                }
                return UsyncContactIq.matches(iq) ? Optional.of(USYNC_CONTACT) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static Optional<ServerIqKind> encrypt(Node iq, String type) {
        if (type.equals("get") && PreKeyCountIq.matches(iq)) {
            return Optional.of(PREKEY_COUNT);
        }
        if (type.equals("get") && PreKeyFetchIq.matches(iq)) {
            return Optional.of(PREKEY_FETCH);
        }
        if (type.equals("set") && PreKeyUploadIq.matches(iq)) {
            return Optional.of(PREKEY_UPLOAD);
        }
        if (type.equals("set") && SignedPreKeyRotateIq.matches(iq)) {
            return Optional.of(SIGNED_PREKEY_ROTATE);
        }
        return Optional.empty();
    }
}
