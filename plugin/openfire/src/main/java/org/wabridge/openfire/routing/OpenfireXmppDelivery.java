/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import org.jivesoftware.openfire.OfflineMessage;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.user.UserManager;
import org.jivesoftware.openfire.user.UserNotFoundException;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * {@link XmppDelivery} over Openfire's portable API (openfire-platform.md §3, §4): {@code PresenceManager}
 * decides online or not; online messages go through the {@code PacketRouter}; offline ones through
 * {@code OfflineMessageStrategy.storeOffline}, which applies the administrator's offline policy and quota,
 * and are then looked up with {@code OfflineMessageStore.getMessages(user, false)} so that a refusal (quota,
 * bounce policy) is detected instead of assumed away. {@code OfflineMessageStore.addMessage} and
 * {@code OfflineMessageListener} are not used: both break on Openfire 5.
 */
public final class OpenfireXmppDelivery implements XmppDelivery {

    @Override
    public Outcome deliver(Message message) throws DeliveryException {
        String username = message.getTo().getNode();
        XMPPServer server = XMPPServer.getInstance();
        try {
            if (isOnline(username)) {
                server.getPacketRouter().route(message);
                return Outcome.ONLINE;
            }
            server.getOfflineMessageStrategy().storeOffline(message);
            for (OfflineMessage stored : server.getOfflineMessageStore().getMessages(username, false)) {
                if (message.getID() != null && message.getID().equals(stored.getID())
                        && message.getFrom().equals(stored.getFrom())) {
                    return Outcome.STORED_OFFLINE;
                }
            }
        } catch (RuntimeException e) {
            throw new DeliveryException("Openfire could not take the message", e);
        }
        throw new DeliveryException("Openfire's offline storage did not keep the message (quota or offline policy)");
    }

    @Override
    public void send(Packet packet) {
        XMPPServer.getInstance().getPacketRouter().route(packet);
    }

    @Override
    public boolean isOnline(String username) {
        try {
            return XMPPServer.getInstance().getPresenceManager()
                    .isAvailable(UserManager.getInstance().getUser(username));
        } catch (UserNotFoundException e) {
            return false;
        }
    }
}
