/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wabridge.core.signal.OneTimePreKey;
import org.wabridge.core.signal.SignedPreKey;

/**
 * Signal key material per device (wa-core's {@link SignedPreKey} and {@link OneTimePreKey} values), as the server holds it (whatsapp-protocol.md §5.3): identity key,
 * registration id, the current signed prekey and a pool of one-time prekeys, each handed out once. Kyber
 * prekeys are not modelled (none). Thread-safe.
 */
public final class KeyDirectory {
    /** What a fetch returns for one device; {@code oneTime} is empty when the pool ran dry. */
    public record Bundle(DeviceAddress device, int registrationId, byte[] identityKey, SignedPreKey signedKey,
                         Optional<OneTimePreKey> oneTime) {
    }

    /** Result of an upload: whether the identity key differs from the one held before. */
    public record UploadResult(boolean identityChanged, Set<DeviceAddress> fetchedBy) {
    }

    /** Result of a fetch: the bundle, and the pool size left when it is now below the refill threshold. */
    public record FetchResult(Bundle bundle, Optional<Integer> lowCount) {
    }

    private static final class DeviceKeys {
        byte[] identity;
        int registrationId;
        SignedPreKey signed;
        final Deque<OneTimePreKey> oneTime = new ArrayDeque<>();
        final Set<DeviceAddress> fetchedBy = new HashSet<>();
    }

    private final Map<DeviceAddress, DeviceKeys> keys = new HashMap<>();
    private final int lowThreshold;
    private final int maxOneTimeKeys;

    /** {@code lowThreshold}: notify below this many one-time keys (whatsmeow refills below 5). */
    public KeyDirectory(int lowThreshold, int maxOneTimeKeys) {
        this.lowThreshold = lowThreshold;
        this.maxOneTimeKeys = maxOneTimeKeys;
    }

    /** Stores a full upload; one-time keys are added to the pool (up to the cap, oldest kept). */
    public synchronized UploadResult upload(DeviceAddress device, int registrationId, byte[] identityKey,
                                            SignedPreKey signedKey, List<OneTimePreKey> oneTimeKeys) {
        if (identityKey.length != 32) {
            throw new IllegalArgumentException("identity key must be 32 bytes");
        }
        DeviceKeys k = keys.computeIfAbsent(device, d -> new DeviceKeys());
        boolean changed = k.identity != null && !Arrays.equals(k.identity, identityKey);
        Set<DeviceAddress> watchers = changed ? Set.copyOf(k.fetchedBy) : Set.of();
        if (changed) {
            k.oneTime.clear(); // keys signed under the old identity are useless now
            k.fetchedBy.clear();
        }
        k.identity = identityKey.clone();
        k.registrationId = registrationId;
        k.signed = signedKey;
        for (OneTimePreKey key : oneTimeKeys) {
            if (k.oneTime.size() < maxOneTimeKeys) {
                k.oneTime.addLast(key);
            }
        }
        return new UploadResult(changed, watchers);
    }

    public synchronized boolean rotateSignedKey(DeviceAddress device, SignedPreKey signedKey) {
        DeviceKeys k = keys.get(device);
        if (k == null) {
            return false;
        }
        k.signed = signedKey;
        return true;
    }

    /** One-time prekeys left for the device (0 when it never uploaded). */
    public synchronized int count(DeviceAddress device) {
        DeviceKeys k = keys.get(device);
        return k == null ? 0 : k.oneTime.size();
    }

    /** A bundle for {@code device}, consuming one one-time key; empty when the device has no keys. */
    public synchronized Optional<FetchResult> fetch(DeviceAddress device, DeviceAddress requester) {
        DeviceKeys k = keys.get(device);
        if (k == null || k.signed == null) {
            return Optional.empty();
        }
        Optional<OneTimePreKey> oneTime = Optional.ofNullable(k.oneTime.pollFirst());
        k.fetchedBy.add(requester);
        Bundle bundle = new Bundle(device, k.registrationId, k.identity.clone(), k.signed, oneTime);
        Optional<Integer> low = oneTime.isPresent() && k.oneTime.size() < lowThreshold
                ? Optional.of(k.oneTime.size()) : Optional.empty();
        return Optional.of(new FetchResult(bundle, low));
    }

    public synchronized void remove(DeviceAddress device) {
        keys.remove(device);
    }
}
