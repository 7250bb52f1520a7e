/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/** Tests of the message ledger: one contract run on every implementation and database. */
package org.wabridge.openfire.ledger;
