/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

/** Who may link a WhatsApp number, as the administrator set it. */
public enum RegistrationPolicy {
    /** Every local user. */
    OPEN,
    /** Only members of the configured Openfire groups. */
    GROUPS,
    /** Every local user may ask; the registration waits in state PENDING for an administrator. */
    APPROVAL
}
