/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.blocking;

import java.util.SortedSet;

/**
 * The numbers a user blocked at the gateway, read-only: the user's intent, which incoming stanzas are checked
 * against and which WhatsApp's own list is brought in line with.
 */
public interface BlockedNumbers {

    boolean isBlocked(String username, String e164) throws BlockListStoreException;

    /** @return the user's blocked numbers in E.164, sorted */
    SortedSet<String> blocked(String username) throws BlockListStoreException;
}
