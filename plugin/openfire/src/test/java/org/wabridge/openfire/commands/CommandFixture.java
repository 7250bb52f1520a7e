/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.commands;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.wabridge.openfire.blocking.BlockList;
import org.wabridge.openfire.blocking.InMemoryBlockListStore;
import org.wabridge.openfire.i18n.TestBundles;
import org.wabridge.openfire.registration.InMemoryRegistrationStore;
import org.wabridge.openfire.registration.RegistrationException;
import org.wabridge.openfire.registration.RegistrationPolicy;
import org.wabridge.openfire.registration.RegistrationRules;
import org.wabridge.openfire.registration.RegistrationService;

/**
 * A command runner over real registration and block-list logic (in memory), the English bundle, and an
 * {@link AccountControl} that records calls and can be told to refuse them.
 */
public final class CommandFixture {

    public static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    public final InMemoryBlockListStore blocks = new InMemoryBlockListStore();
    public final RegistrationService registrations = new RegistrationService(new InMemoryRegistrationStore(),
            () -> new RegistrationRules(RegistrationPolicy.OPEN, Set.of()), (user, groups) -> false, user -> { },
            Clock.fixed(NOW, ZoneOffset.UTC));
    public final RecordingControl control = new RecordingControl(registrations);
    public final BlockList blockList = new BlockList(blocks, control, Clock.fixed(NOW, ZoneOffset.UTC));
    public final CommandRunner runner = new CommandRunner(registrations, control, blockList,
            locale -> TestBundles.english());

    public void register(String user, String phone) throws RegistrationException {
        registrations.register(user, phone, true, RegistrationService.CONSENT_VERSION);
    }

    /** Records every call as "method user [number]"; {@link #refuse} makes the next calls throw. */
    public static final class RecordingControl implements AccountControl {
        public final List<String> calls = new CopyOnWriteArrayList<>();
        private final RegistrationService registrations;
        private volatile AccountControlException.Reason refusal;
        private volatile AccountStatus.Session session = AccountStatus.Session.CONNECTED;

        RecordingControl(RegistrationService registrations) {
            this.registrations = registrations;
        }

        public void refuse(AccountControlException.Reason reason) {
            refusal = reason;
        }

        public void session(AccountStatus.Session state) {
            session = state;
        }

        private void call(String what) throws AccountControlException {
            calls.add(what);
            if (refusal != null) {
                throw new AccountControlException(refusal, what);
            }
        }

        @Override
        public AccountStatus status(String username) {
            return new AccountStatus(session, Optional.of(NOW));
        }

        @Override
        public void reconnect(String username) throws AccountControlException {
            call("reconnect " + username);
        }

        @Override
        public void addContact(String username, String e164) throws AccountControlException {
            call("add " + username + " " + e164);
        }

        @Override
        public void removeContact(String username, String e164) throws AccountControlException {
            call("remove " + username + " " + e164);
        }

        @Override
        public void block(String username, String e164) throws AccountControlException {
            call("block " + username + " " + e164);
        }

        @Override
        public void unblock(String username, String e164) throws AccountControlException {
            call("unblock " + username + " " + e164);
        }

        @Override
        public void unregister(String username) throws AccountControlException {
            call("unregister " + username);
            try {
                registrations.unregister(username);
            } catch (RegistrationException e) {
                throw new AccountControlException(AccountControlException.Reason.FAILED, e.getMessage(), e);
            }
        }
    }

    public static Locale english() {
        return Locale.ENGLISH;
    }
}
