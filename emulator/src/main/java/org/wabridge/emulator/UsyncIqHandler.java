/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.util.Optional;
import org.wabridge.core.binary.Node;
import org.wabridge.core.binary.NodeAttributeException;
import org.wabridge.core.iq.IqError;
import org.wabridge.core.iq.Iqs;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.StanzaException;

/**
 * Server side of the {@code usync} device-list query (whatsapp-protocol.md §5.2): for each listed user, the
 * current device ids. Other query kinds (contact, lid, status, …) are not emulated. Emulator-private wire
 * code, written here because the shared IQ layer has no usync form yet.
 */
final class UsyncIqHandler {
    static final String NAMESPACE = "usync";
    private final Directory directory;

    UsyncIqHandler(Directory directory) {
        this.directory = directory;
    }

    void handle(ClientSession from, Node iq) throws StanzaException, NodeAttributeException {
        String id = Iqs.id(iq);
        Node usync = iq.child("usync");
        Node list = usync == null ? null : usync.child("list");
        Node query = usync == null ? null : usync.child("query");
        if (list == null || query == null || query.child("devices") == null) {
            from.send(Iqs.error(id, IqError.BAD_REQUEST));
            return;
        }
        Node.Builder out = Node.builder("list");
        for (Node user : list.children("user")) {
            WaJid jid = user.attrs().requireJid("jid");
            Optional<Directory.Account> account = directory.account(jid.user());
            Node.Builder u = Node.builder("user").attr("jid", jid.toNonAd());
            if (account.isEmpty()) {
                u.child(Node.builder("devices").child(IqError.NOT_FOUND.toNode()).build());
            } else {
                Node.Builder devices = Node.builder("device-list");
                for (int d : directory.devices(jid.user())) {
                    devices.child(Node.builder("device").attr("id", d).build());
                }
                u.child(Node.builder("devices").child(devices.build()).build());
            }
            out.child(u.build());
        }
        from.send(Iqs.result(id).child(Node.builder("usync").child(out.build()).build()).build());
    }
}
