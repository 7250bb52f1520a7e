/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.wabridge.openfire.WhatsAppSettings;
import org.wabridge.openfire.blocking.BlockedNumbers;
import org.wabridge.openfire.i18n.Messages;
import org.wabridge.openfire.id.JidMapper;
import org.wabridge.openfire.ledger.LedgerIdMap;
import org.wabridge.openfire.ledger.MessageLedger;
import org.wabridge.openfire.roster.RosterWriter;

/**
 * What both routers share: the id mapper of the gateway domain, the ledger, the roster, Openfire's router,
 * localized texts (per language, and the server's language for messages the gateway starts), the current
 * settings, the clock and the user's blocked numbers.
 */
public record RoutingContext(JidMapper jids, MessageLedger ledger, RosterWriter roster, XmppDelivery delivery,
        Function<Locale, Messages> texts, Supplier<Locale> serverLocale, Supplier<WhatsAppSettings> settings,
        Clock clock, BlockedNumbers blocked) {

    public RoutingContext {
        Objects.requireNonNull(jids, "jids");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(serverLocale, "serverLocale");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(blocked, "blocked");
    }

    /** @return the converters' id map over the ledger */
    public LedgerIdMap ids() {
        return new LedgerIdMap(ledger, clock);
    }

    /** @return texts in the server's language, for messages the gateway starts */
    public Messages serverTexts() {
        return texts.apply(serverLocale.get());
    }
}
