/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import java.util.Objects;
import java.util.Set;

/** The administrator's registration settings: the policy and, for {@link RegistrationPolicy#GROUPS}, the groups. */
public record RegistrationRules(RegistrationPolicy policy, Set<String> groups) {

    public RegistrationRules {
        Objects.requireNonNull(policy, "policy");
        groups = Set.copyOf(groups);
    }
}
