/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.ledger;

/** The ledger contract on the in-memory implementation. */
class InMemoryMessageLedgerTest extends MessageLedgerContract {

    @Override
    protected MessageLedger ledger() {
        return new InMemoryMessageLedger();
    }
}
