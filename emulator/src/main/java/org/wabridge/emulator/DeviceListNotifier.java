/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.DevicesNotification;
import org.wabridge.core.stanza.ParticipantHash;

/**
 * Tells the interested devices that a user's device list changed (whatsapp-protocol.md §5.10, §9.2):
 * {@code <notification type="devices"><add|remove device_hash=…><device jid=…/></…></notification>}, where
 * the hash is the participant hash of the new list. The user's own other devices hear it while connected;
 * the devices of the user's contacts ({@link ContactBook}) get it through their queues, so an offline bridge
 * learns it on its next connect and refetches the list before its next send. Queued notifications leave the
 * queue when the device acks their id, like every stanza.
 */
final class DeviceListNotifier implements Directory.DeviceListListener {
    private final Directory directory;
    private final SessionRegistry sessions;
    private final ContactBook contacts;
    private final Clock clock;
    private final int integrator;
    private final AtomicLong ids = new AtomicLong();

    DeviceListNotifier(Directory directory, SessionRegistry sessions, ContactBook contacts, Clock clock,
                       int integrator) {
        this.directory = directory;
        this.sessions = sessions;
        this.contacts = contacts;
        this.clock = clock;
        this.integrator = integrator;
    }

    @Override
    public void deviceAdded(String user, int device, boolean interop) {
        notifyChange(user, device, interop, DevicesNotification.Action.ADD);
    }

    @Override
    public void deviceRemoved(String user, int device, boolean interop) {
        notifyChange(user, device, interop, DevicesNotification.Action.REMOVE);
    }

    private void notifyChange(String user, int device, boolean interop, DevicesNotification.Action action) {
        List<WaJid> current = new ArrayList<>();
        for (int d : directory.devices(user)) {
            current.add(new DeviceAddress(user, d, interop).jid(integrator));
        }
        WaJid changed = new DeviceAddress(user, device, interop).jid(integrator);
        String id = "devices-" + ids.incrementAndGet();
        Node node = new DevicesNotification(id, changed.toNonAd(), OptionalLong.of(clock.instant().getEpochSecond()),
                action, current.isEmpty() ? java.util.Optional.empty()
                        : java.util.Optional.of(ParticipantHash.of(current)), List.of(changed)).toNode();
        for (int own : directory.devices(user)) {
            if (own != device) {
                sessions.get(new DeviceAddress(user, own, interop)).ifPresent(s -> s.send(node));
            }
        }
        for (String contact : contacts.of(user)) {
            for (int d : directory.devices(contact)) {
                DeviceQueue queue = directory.queue(contact, d);
                if (queue != null) {
                    queue.offer(id, node);
                }
            }
        }
    }
}
