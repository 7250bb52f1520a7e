/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Linking an Openfire user to a WhatsApp number (XEP-0077 registration with the gateway): phone number
 * validation, the registration policy, consent recording, and the {@link
 * org.wabridge.openfire.registration.RegistrationStore} with its in-memory and JDBC implementations.
 */
package org.wabridge.openfire.registration;
