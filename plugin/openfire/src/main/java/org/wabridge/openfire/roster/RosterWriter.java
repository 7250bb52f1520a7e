/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.roster;

import org.xmpp.packet.JID;

/**
 * Adds WhatsApp contacts to a user's roster and removes them again. Contacts the gateway adds are in the
 * group {@value #GROUP}, with subscription "both" and the phone number as name; on unregistration the
 * gateway removes the contacts of its domain in that group (contacts a user filed elsewhere are theirs).
 */
public interface RosterWriter {

    /** Roster group of the contacts the gateway adds. */
    String GROUP = "WhatsApp";

    /** @return true if the contact is in the user's roster */
    boolean hasContact(String username, JID contact) throws RosterException;

    /** Adds the contact (group {@value #GROUP}, subscription both, pushed to the user's clients) unless present. */
    void addContact(String username, JID contact, String name) throws RosterException;

    /** Removes one contact from the user's roster, whatever its group (pushed to the user's clients). */
    boolean removeContact(String username, JID contact) throws RosterException;

    /** Removes the user's contacts of {@code gatewayDomain} in group {@value #GROUP}; @return how many */
    int removeGatewayContacts(String username, String gatewayDomain) throws RosterException;
}
