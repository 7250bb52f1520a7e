/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import java.util.Set;

/** Answers whether a user belongs to one of the named groups (Openfire's GroupManager in production). */
@FunctionalInterface
public interface GroupMembership {

    /** @return true if {@code username} is a member (or admin) of at least one of {@code groups} */
    boolean isMemberOfAny(String username, Set<String> groups);
}
