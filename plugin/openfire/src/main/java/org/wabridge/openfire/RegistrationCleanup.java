/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.jivesoftware.database.DbConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.openfire.engine.SignalStateEraser;
import org.wabridge.openfire.ledger.JdbcMessageLedger;
import org.wabridge.openfire.ledger.LedgerException;
import org.wabridge.openfire.ledger.MessageLedger;
import org.wabridge.openfire.registration.UnregisterHook;

/**
 * What goes with a user's registration, however it ends (the user unregisters or registers another number,
 * the administrator removes it, the Openfire user is deleted): the user's block list, the WhatsApp session,
 * ledger rows and the contacts the gateway put in the roster (through the messaging wiring; the ledger rows
 * directly while it does not run), and the user's Signal state.
 */
final class RegistrationCleanup implements UnregisterHook {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationCleanup.class);

    private final GatewayExtras extras;
    private final Supplier<Optional<MessagingWiring>> messaging;
    private final Optional<SignalStateEraser> signalEraser;
    private final Optional<MessageLedger> ledger;

    RegistrationCleanup(GatewayExtras extras, Supplier<Optional<MessagingWiring>> messaging,
                        Optional<SignalStateEraser> signalEraser, Optional<MessageLedger> ledger) {
        this.extras = Objects.requireNonNull(extras, "extras");
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.signalEraser = Objects.requireNonNull(signalEraser, "signalEraser");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** Erasing in Openfire's database. */
    static RegistrationCleanup openfire(GatewayExtras extras, Supplier<Optional<MessagingWiring>> messaging) {
        return new RegistrationCleanup(extras, messaging,
                Optional.of(new SignalStateEraser(DbConnectionManager::getConnection)),
                Optional.of(new JdbcMessageLedger(DbConnectionManager::getConnection)));
    }

    @Override
    public void registrationRemoved(String username) {
        extras.registrationRemoved(username);
        // no plugin lock here: a re-registration of the component may hold it while waiting for workers
        messaging.get().ifPresentOrElse(wiring -> wiring.service().unregistered(username),
                () -> deleteLedgerRows(username));
        signalEraser.ifPresent(eraser -> {
            try {
                eraser.erase(username);
            } catch (SQLException e) {
                LOG.warn("Signal state of {} not deleted: {}", username, e.getMessage());
            }
        });
    }

    /**
     * Messaging not wired (gateway failed to register, or being re-registered), so its unregistration, which
     * deletes them otherwise, does not run: the rows hold the user's contacts' numbers and id mappings, which a
     * later user of the same name must not get.
     */
    private void deleteLedgerRows(String username) {
        ledger.ifPresent(rows -> {
            try {
                rows.deleteUser(username);
            } catch (LedgerException e) {
                LOG.warn("Message ledger rows of {} not deleted: {}", username, e.getMessage());
            }
        });
    }
}
