/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wabridge.core.iq.UserDevices;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.testing.MutableClock;

class DeviceListCacheTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

    private static UserDevices devices(String user, int... ids) {
        List<UserDevices.Device> list = new java.util.ArrayList<>();
        for (int id : ids) {
            list.add(id == 0 ? UserDevices.Device.primary() : UserDevices.Device.companion(id, 1));
        }
        return UserDevices.of(WaJid.of(user, WaJid.USER_SERVER), list, Optional.empty());
    }

    @Test
    void entryIsFoundByAnyDeviceOfTheUserUntilItExpires() {
        DeviceListCache cache = new DeviceListCache(clock, Duration.ofMinutes(10), 10);
        cache.put(devices("4917001", 0, 3));
        assertEquals(List.of(0, 3), cache.get(WaJid.of("4917001", 3, WaJid.USER_SERVER)).orElseThrow().devices()
                .stream().map(UserDevices.Device::id).toList());
        clock.advance(Duration.ofMinutes(11));
        assertTrue(cache.get(WaJid.of("4917001", WaJid.USER_SERVER)).isEmpty());
        assertEquals(0, cache.size());
    }

    @Test
    void leastRecentlyUsedGoesFirstBeyondCapacity() {
        DeviceListCache cache = new DeviceListCache(clock, Duration.ofMinutes(10), 2);
        cache.put(devices("1", 0));
        cache.put(devices("2", 0));
        cache.get(WaJid.of("1", WaJid.USER_SERVER)); // 2 is now the least recently used
        cache.put(devices("3", 0));
        assertTrue(cache.get(WaJid.of("1", WaJid.USER_SERVER)).isPresent());
        assertTrue(cache.get(WaJid.of("2", WaJid.USER_SERVER)).isEmpty());
        assertTrue(cache.get(WaJid.of("3", WaJid.USER_SERVER)).isPresent());
    }

    @Test
    void invalidateDropsTheUser() {
        DeviceListCache cache = new DeviceListCache(clock, Duration.ofMinutes(10), 10);
        cache.put(devices("1", 0));
        cache.invalidate(WaJid.of("1", 5, WaJid.USER_SERVER));
        assertTrue(cache.get(WaJid.of("1", WaJid.USER_SERVER)).isEmpty());
    }
}
