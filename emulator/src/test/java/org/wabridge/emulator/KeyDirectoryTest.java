/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wabridge.core.signal.OneTimePreKey;
import org.wabridge.core.signal.SignedPreKey;

/** One-time prekeys are handed out once, low-count and identity-change signals, rotation. */
class KeyDirectoryTest {
    private static final DeviceAddress PHONE = new DeviceAddress("491700000001", 0, false);
    private static final DeviceAddress BRIDGE = new DeviceAddress("1001", 0, true);

    private static byte[] key(int seed) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) seed);
        return k;
    }

    private static List<OneTimePreKey> oneTime(int from, int n) {
        List<OneTimePreKey> list = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            list.add(new OneTimePreKey(i, key(i)));
        }
        return list;
    }

    private static SignedPreKey signed(int id) {
        return new SignedPreKey(id, key(100 + id), new byte[64]);
    }

    @Test
    void eachOneTimeKeyIsHandedOutOnceAndLowCountIsSignalled() {
        KeyDirectory d = new KeyDirectory(5, 1000);
        d.upload(PHONE, 77, key(1), signed(1), oneTime(1, 6));
        assertEquals(6, d.count(PHONE));
        KeyDirectory.FetchResult first = d.fetch(PHONE, BRIDGE).orElseThrow();
        assertEquals(1, first.bundle().oneTime().orElseThrow().id());
        assertEquals(77, first.bundle().registrationId());
        assertEquals(Optional.empty(), first.lowCount(), "5 left: not below the threshold");
        KeyDirectory.FetchResult second = d.fetch(PHONE, BRIDGE).orElseThrow();
        assertEquals(2, second.bundle().oneTime().orElseThrow().id());
        assertEquals(Optional.of(4), second.lowCount());
        for (int i = 0; i < 4; i++) {
            d.fetch(PHONE, BRIDGE);
        }
        KeyDirectory.FetchResult dry = d.fetch(PHONE, BRIDGE).orElseThrow();
        assertTrue(dry.bundle().oneTime().isEmpty(), "pool empty: bundle without one-time key");
        assertEquals(0, d.count(PHONE));
    }

    @Test
    void reuploadWithAnotherIdentityReportsWhoFetchedTheOldOne() {
        KeyDirectory d = new KeyDirectory(5, 1000);
        assertFalse(d.upload(PHONE, 1, key(1), signed(1), oneTime(1, 3)).identityChanged());
        d.fetch(PHONE, BRIDGE);
        KeyDirectory.UploadResult same = d.upload(PHONE, 1, key(1), signed(1), oneTime(4, 1));
        assertFalse(same.identityChanged());
        KeyDirectory.UploadResult changed = d.upload(PHONE, 2, key(9), signed(2), oneTime(10, 2));
        assertTrue(changed.identityChanged());
        assertEquals(Set.of(BRIDGE), changed.fetchedBy());
        assertEquals(2, d.count(PHONE), "one-time keys of the old identity are dropped");
    }

    @Test
    void rotationReplacesTheSignedKeyAndUnknownDevicesHaveNone() {
        KeyDirectory d = new KeyDirectory(5, 1000);
        assertTrue(d.fetch(PHONE, BRIDGE).isEmpty());
        assertFalse(d.rotateSignedKey(PHONE, signed(2)));
        d.upload(PHONE, 1, key(1), signed(1), List.of());
        assertTrue(d.rotateSignedKey(PHONE, signed(2)));
        assertArrayEquals(key(102), d.fetch(PHONE, BRIDGE).orElseThrow().bundle().signedKey().publicKey());
    }

    @Test
    void poolIsCapped() {
        KeyDirectory d = new KeyDirectory(5, 10);
        d.upload(PHONE, 1, key(1), signed(1), oneTime(1, 25));
        assertEquals(10, d.count(PHONE));
    }
}
