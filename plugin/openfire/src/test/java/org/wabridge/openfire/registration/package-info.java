/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/** Tests of registration: number validation, policy and consent, and the store contract on every store. */
package org.wabridge.openfire.registration;
