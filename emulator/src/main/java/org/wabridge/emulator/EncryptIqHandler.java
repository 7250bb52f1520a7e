/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.wabridge.core.binary.Node;
import org.wabridge.core.iq.EmptyResult;
import org.wabridge.core.iq.IqError;
import org.wabridge.core.iq.Iqs;
import org.wabridge.core.iq.KeyBundle;
import org.wabridge.core.iq.PreKeyCountIq;
import org.wabridge.core.iq.PreKeyFetchIq;
import org.wabridge.core.iq.PreKeyUploadIq;
import org.wabridge.core.iq.SignedPreKeyRotateIq;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.IdentityChangeNotification;
import org.wabridge.core.stanza.PreKeyCountNotification;
import org.wabridge.core.stanza.StanzaException;

/**
 * Server side of the {@code encrypt} IQs (whatsapp-protocol.md §5.3) over the shared IQ specs: upload, count,
 * fetch bundles (one-time keys consumed), rotate the signed prekey; plus the {@code encrypt} notifications
 * (low count to the owner, {@code <identity/>} to those who fetched a device whose identity changed).
 */
final class EncryptIqHandler {
    static final String NAMESPACE = PreKeyUploadIq.NAMESPACE;

    private final KeyDirectory keys;
    private final Directory directory;
    private final Clock clock;
    private final int integrator;
    private final AtomicLong notificationIds = new AtomicLong();

    EncryptIqHandler(KeyDirectory keys, Directory directory, Clock clock, int integrator) {
        this.keys = keys;
        this.directory = directory;
        this.clock = clock;
        this.integrator = integrator;
    }

    /** Malformed requests get a 400 IQ error; the connection stays. */
    void handle(ClientSession from, Node iq) throws StanzaException {
        String id = Iqs.id(iq);
        try {
            if (SignedPreKeyRotateIq.matches(iq)) {
                SignedPreKeyRotateIq rotate = SignedPreKeyRotateIq.fromRequest(iq);
                keys.rotateSignedKey(from.address(), rotate.signedPreKey());
                from.send(rotate.toResult(id, EmptyResult.INSTANCE));
            } else if (PreKeyUploadIq.matches(iq)) {
                upload(from, PreKeyUploadIq.fromRequest(iq));
                from.send(Iqs.result(id).build());
            } else if (PreKeyCountIq.matches(iq)) {
                from.send(PreKeyCountIq.fromRequest(iq).toResult(id, keys.count(from.address())));
            } else if (PreKeyFetchIq.matches(iq)) {
                PreKeyFetchIq fetch = PreKeyFetchIq.fromRequest(iq);
                from.send(fetch.toResult(id, fetch(from, fetch.devices())));
            } else {
                from.send(Iqs.error(id, IqError.BAD_REQUEST));
            }
        } catch (StanzaException | IllegalArgumentException e) {
            from.send(Iqs.error(id, IqError.BAD_REQUEST));
        }
    }

    private void upload(ClientSession from, PreKeyUploadIq upload) {
        KeyDirectory.UploadResult result = keys.upload(from.address(), upload.registrationId(),
                upload.identityKey(), upload.signedPreKey(), upload.preKeys());
        if (result.identityChanged()) {
            WaJid who = from.address().jid(integrator).toNonAd();
            for (DeviceAddress watcher : result.fetchedBy()) {
                notify(watcher, new IdentityChangeNotification(nextId(), who,
                        OptionalLong.of(clock.instant().getEpochSecond())).toNode());
            }
        }
    }

    private List<PreKeyFetchIq.UserBundle> fetch(ClientSession from, List<WaJid> devices) {
        List<PreKeyFetchIq.UserBundle> out = new ArrayList<>();
        for (WaJid jid : devices) {
            Optional<KeyDirectory.FetchResult> fetched = directory.account(jid.user()).flatMap(a ->
                    keys.fetch(new DeviceAddress(a.user, jid.device(), a.interop), from.address()));
            if (fetched.isEmpty()) {
                out.add(PreKeyFetchIq.UserBundle.error(jid, IqError.NOT_FOUND));
                continue;
            }
            KeyDirectory.Bundle b = fetched.get().bundle();
            out.add(PreKeyFetchIq.UserBundle.of(jid, new KeyBundle(b.registrationId(), b.identityKey(),
                    b.signedKey(), b.oneTime(), Optional.empty())));
            fetched.get().lowCount().ifPresent(n -> notify(b.device(),
                    PreKeyCountNotification.of(nextId(), clock.instant().getEpochSecond(), n).toNode()));
        }
        return out;
    }

    private String nextId() {
        return "notif-" + notificationIds.incrementAndGet();
    }

    /** Queued like any stanza; the device's {@code <ack class="notification">} releases it. */
    private void notify(DeviceAddress device, Node notification) {
        DeviceQueue queue = directory.queue(device.user(), device.device());
        if (queue != null) {
            queue.offer(notification.attrs().optString("id", ""), notification);
        }
    }
}
