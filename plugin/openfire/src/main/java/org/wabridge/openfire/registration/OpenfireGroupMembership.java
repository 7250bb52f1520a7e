/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import java.util.Set;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.group.Group;
import org.jivesoftware.openfire.group.GroupManager;
import org.jivesoftware.openfire.group.GroupNotFoundException;
import org.xmpp.packet.JID;

/** {@link GroupMembership} through Openfire's {@link GroupManager}; a group that does not exist has no members. */
public final class OpenfireGroupMembership implements GroupMembership {

    @Override
    public boolean isMemberOfAny(String username, Set<String> groups) {
        JID user = XMPPServer.getInstance().createJID(username, null);
        for (String name : groups) {
            try {
                Group group = GroupManager.getInstance().getGroup(name);
                if (group.isUser(user)) {
                    return true;
                }
            } catch (GroupNotFoundException e) {
                // a configured group that was deleted or renamed lets nobody in
            }
        }
        return false;
    }
}
