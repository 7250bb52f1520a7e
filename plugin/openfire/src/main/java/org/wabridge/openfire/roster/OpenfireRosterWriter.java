/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.roster;

import java.util.ArrayList;
import java.util.List;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.roster.Roster;
import org.jivesoftware.openfire.roster.RosterItem;
import org.jivesoftware.openfire.user.UserAlreadyExistsException;
import org.xmpp.packet.JID;

/**
 * {@link RosterWriter} over Openfire's {@code RosterManager}: {@code getRoster}, {@code isRosterItem},
 * {@code createRosterItem(jid, name, groups, push, persistent)}, {@code setSubStatus} + {@code updateRosterItem}
 * and {@code deleteRosterItem}, all in the API subset that works on Openfire 4.2 and 5.x
 * (openfire-platform.md §3, §4).
 */
public final class OpenfireRosterWriter implements RosterWriter {

    @Override
    public boolean hasContact(String username, JID contact) throws RosterException {
        try {
            return roster(username).isRosterItem(contact.asBareJID());
        } catch (Exception e) {
            throw new RosterException("cannot read the roster of " + username, e);
        }
    }

    @Override
    public void addContact(String username, JID contact, String name) throws RosterException {
        try {
            Roster roster = roster(username);
            JID bare = contact.asBareJID();
            if (roster.isRosterItem(bare)) {
                return;
            }
            RosterItem item = roster.createRosterItem(bare, name, List.of(GROUP), true, true);
            item.setSubStatus(RosterItem.SubType.BOTH);
            roster.updateRosterItem(item);
        } catch (UserAlreadyExistsException raced) {
            // added concurrently: fine
        } catch (Exception e) {
            throw new RosterException("cannot add a WhatsApp contact to the roster of " + username, e);
        }
    }

    @Override
    public int removeGatewayContacts(String username, String gatewayDomain) throws RosterException {
        try {
            Roster roster = roster(username);
            List<JID> gone = new ArrayList<>();
            for (RosterItem item : roster.getRosterItems()) {
                JID jid = item.getJid();
                if (gatewayDomain.equals(jid.getDomain()) && jid.getNode() != null
                        && item.getGroups().contains(GROUP)) {
                    gone.add(jid);
                }
            }
            for (JID jid : gone) {
                roster.deleteRosterItem(jid, false);
            }
            return gone.size();
        } catch (Exception e) {
            throw new RosterException("cannot remove WhatsApp contacts from the roster of " + username, e);
        }
    }

    @Override
    public boolean removeContact(String username, JID contact) throws RosterException {
        try {
            // Openfire pushes the removal to the user's clients; no presence goes to the contact from here
            return roster(username).deleteRosterItem(contact.asBareJID(), false) != null;
        } catch (Exception e) {
            throw new RosterException("cannot remove a WhatsApp contact from the roster of " + username, e);
        }
    }

    private static Roster roster(String username) throws Exception {
        return XMPPServer.getInstance().getRosterManager().getRoster(username);
    }
}
