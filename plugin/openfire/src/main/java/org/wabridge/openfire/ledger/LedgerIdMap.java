/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.ledger;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.message.MessageRef;
import org.wabridge.openfire.id.MessageIdMap;
import org.xmpp.packet.JID;

/**
 * The converters' {@link MessageIdMap} backed by the durable {@link MessageLedger}, so corrections,
 * retractions, replies and markers still resolve after a restart. A lookup that fails on a database error
 * answers "unknown" (the converter then refuses the reference with a typed error) and is logged.
 */
public final class LedgerIdMap implements MessageIdMap {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerIdMap.class);

    private final MessageLedger ledger;
    private final Clock clock;

    public LedgerIdMap(MessageLedger ledger, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records the pair if the message is not in the ledger yet (the routers normally wrote it already). */
    @Override
    public void put(JID user, String xmppId, MessageRef message) {
        LedgerEntry.Direction direction = message.fromMe() ? LedgerEntry.Direction.OUT : LedgerEntry.Direction.IN;
        try {
            ledger.insert(LedgerEntry.of(user.getNode(), direction, message.chatJid(), message.id(), xmppId,
                    MessageState.QUEUED, clock.instant()));
        } catch (LedgerException e) {
            LOG.warn("Message ledger not writable: {}", e.getMessage());
        }
    }

    @Override
    public Optional<MessageRef> findWhatsApp(JID user, String chatJid, String xmppId) {
        try {
            // a message WhatsApp refused does not exist there: corrections, retractions, reactions and replies
            // naming it are refused as unknown instead of going out for an id nobody has
            return ledger.findByXmppId(user.getNode(), chatJid, xmppId).filter(e -> e.state() != MessageState.FAILED)
                    .map(e -> new MessageRef(e.peer(), e.direction() == LedgerEntry.Direction.OUT, e.waId(),
                            Optional.empty()));
        } catch (LedgerException e) {
            LOG.warn("Message ledger not readable: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> findXmpp(JID user, MessageRef message) {
        LedgerEntry.Direction direction = message.fromMe() ? LedgerEntry.Direction.OUT : LedgerEntry.Direction.IN;
        try {
            return ledger.find(user.getNode(), direction, message.chatJid(), message.id()).map(LedgerEntry::xmppId);
        } catch (LedgerException e) {
            LOG.warn("Message ledger not readable: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
