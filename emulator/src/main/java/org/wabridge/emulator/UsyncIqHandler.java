/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.wabridge.core.binary.Node;
import org.wabridge.core.iq.IqError;
import org.wabridge.core.iq.Iqs;
import org.wabridge.core.iq.UserDevices;
import org.wabridge.core.iq.UsyncDevicesIq;
import org.wabridge.core.stanza.StanzaException;

/**
 * Server side of the {@code usync} device-list query (whatsapp-protocol.md §5.2) over the shared IQ spec:
 * for each listed user its current device ids. No signed key-index list (the emulator has no ADV keys) and
 * no other query kinds (contact, lid, status, …).
 */
final class UsyncIqHandler {
    static final String NAMESPACE = UsyncDevicesIq.NAMESPACE;
    private final Directory directory;

    UsyncIqHandler(Directory directory) {
        this.directory = directory;
    }

    void handle(ClientSession from, Node iq) throws StanzaException {
        String id = Iqs.id(iq);
        UsyncDevicesIq query;
        try {
            query = UsyncDevicesIq.fromRequest(iq);
        } catch (StanzaException e) {
            from.send(Iqs.error(id, IqError.BAD_REQUEST));
            return;
        }
        List<UserDevices> result = new ArrayList<>();
        for (org.wabridge.core.jid.WaJid user : query.users()) {
            if (directory.account(user.user()).isEmpty()) {
                result.add(UserDevices.error(user.toNonAd(), IqError.NOT_FOUND));
                continue;
            }
            List<UserDevices.Device> devices = new ArrayList<>();
            for (int d : directory.devices(user.user())) {
                devices.add(new UserDevices.Device(d, OptionalInt.empty(), false));
            }
            result.add(UserDevices.of(user.toNonAd(), devices, Optional.empty()));
        }
        from.send(query.toResult(id, result));
    }
}
