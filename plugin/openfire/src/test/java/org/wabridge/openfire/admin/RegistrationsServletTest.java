/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.wabridge.openfire.registration.RegistrationException;

/** Which notice an administrator sees when a registration action is refused. */
class RegistrationsServletTest {

    @Test
    void approvingARegistrationAnotherAdministratorJustRemovedIsRejectedNotADatabaseFailure() {
        assertEquals("rejected", RegistrationsServlet.failureNotice(new RegistrationException(
                RegistrationException.Reason.NOT_REGISTERED, "no registration")));
        assertEquals("failed", RegistrationsServlet.failureNotice(new RegistrationException(
                RegistrationException.Reason.STORE_FAILED, "saving the registration of alice failed")));
    }
}
