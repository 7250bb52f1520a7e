/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Pure decisions of {@link PreKeyPolicy}; defaults from whatsapp-protocol.md §5.3 (812 / below 5 / 50). */
class PreKeyPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final PreKeyPolicy policy = PreKeyPolicy.defaults(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void firstUploadSends812KeysAndASignedPreKey() {
        PreKeyPlan plan = policy.plan(new PreKeyStatus(false, OptionalInt.empty(), List.of()));
        assertEquals(812, plan.oneTimePreKeysToUpload());
        assertTrue(plan.rotateSignedPreKey());
        assertTrue(plan.uploadNeeded());
    }

    @Test
    void refillsFiftyOnlyWhenTheServerCountDropsBelowFive() {
        List<SignedPreKeyInfo> fresh = List.of(new SignedPreKeyInfo(1, NOW.minus(Duration.ofDays(1))));
        assertEquals(50, policy.plan(new PreKeyStatus(true, OptionalInt.of(4), fresh)).oneTimePreKeysToUpload());
        assertEquals(50, policy.plan(new PreKeyStatus(true, OptionalInt.of(0), fresh)).oneTimePreKeysToUpload());
        PreKeyPlan enough = policy.plan(new PreKeyStatus(true, OptionalInt.of(5), fresh));
        assertEquals(0, enough.oneTimePreKeysToUpload());
        assertFalse(enough.uploadNeeded());
        assertEquals(0, policy.plan(new PreKeyStatus(true, OptionalInt.empty(), fresh)).oneTimePreKeysToUpload());
    }

    @Test
    void signedPreKeyRotatesWhenTheNewestReachesTheRotationAge() {
        Duration rotation = PreKeyPolicy.DEFAULT_SIGNED_PREKEY_ROTATION;
        PreKeyPlan young = policy.plan(new PreKeyStatus(true, OptionalInt.empty(),
                List.of(new SignedPreKeyInfo(3, NOW.minus(rotation).plusSeconds(1)))));
        assertFalse(young.rotateSignedPreKey());
        PreKeyPlan due = policy.plan(new PreKeyStatus(true, OptionalInt.empty(),
                List.of(new SignedPreKeyInfo(3, NOW.minus(rotation)))));
        assertTrue(due.rotateSignedPreKey());
        assertTrue(due.uploadNeeded());
    }

    @Test
    void supersededSignedPreKeysAreDeletedOnlyAfterTheRetentionSinceTheirSuccessor() {
        Duration retention = PreKeyPolicy.DEFAULT_SIGNED_PREKEY_RETENTION;
        List<SignedPreKeyInfo> keys = List.of(
                new SignedPreKeyInfo(1, NOW.minus(retention).minus(Duration.ofDays(20))),
                new SignedPreKeyInfo(2, NOW.minus(retention)),                      // superseded 1 exactly retention ago
                new SignedPreKeyInfo(3, NOW.minus(retention).plus(Duration.ofDays(1))), // superseded 2 less than retention ago
                new SignedPreKeyInfo(4, NOW.minus(Duration.ofDays(1))));
        PreKeyPlan plan = policy.plan(new PreKeyStatus(true, OptionalInt.empty(), keys));
        assertEquals(List.of(1), plan.signedPreKeysToDelete());
        assertFalse(plan.rotateSignedPreKey());
    }

    @Test
    void theNewestSignedPreKeyIsNeverDeletedEvenWhenOld() {
        PreKeyPlan plan = policy.plan(new PreKeyStatus(true, OptionalInt.empty(),
                List.of(new SignedPreKeyInfo(9, NOW.minus(Duration.ofDays(400))))));
        assertEquals(List.of(), plan.signedPreKeysToDelete());
        assertTrue(plan.rotateSignedPreKey());
    }

    @Test
    void everyNumberIsConfigurable() {
        PreKeyPolicy custom = new PreKeyPolicy(100, 20, 30, Duration.ofHours(1), Duration.ZERO,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(100, custom.plan(new PreKeyStatus(false, OptionalInt.empty(), List.of())).oneTimePreKeysToUpload());
        List<SignedPreKeyInfo> keys = List.of(new SignedPreKeyInfo(1, NOW.minus(Duration.ofHours(2))),
                new SignedPreKeyInfo(2, NOW.minus(Duration.ofMinutes(30))));
        PreKeyPlan plan = custom.plan(new PreKeyStatus(true, OptionalInt.of(19), keys));
        assertEquals(30, plan.oneTimePreKeysToUpload());
        assertFalse(plan.rotateSignedPreKey());
        assertEquals(List.of(1), plan.signedPreKeysToDelete());
    }

    @Test
    void invalidSettingsAreRejected() {
        Clock clock = Clock.systemUTC();
        Duration day = Duration.ofDays(1);
        assertThrows(IllegalArgumentException.class, () -> new PreKeyPolicy(0, 5, 50, day, day, clock));
        assertThrows(IllegalArgumentException.class, () -> new PreKeyPolicy(812, -1, 50, day, day, clock));
        assertThrows(IllegalArgumentException.class, () -> new PreKeyPolicy(812, 5, 0, day, day, clock));
        assertThrows(IllegalArgumentException.class, () -> new PreKeyPolicy(812, 5, 50, Duration.ZERO, day, clock));
        assertThrows(IllegalArgumentException.class,
                () -> new PreKeyPolicy(812, 5, 50, day, Duration.ofSeconds(-1), clock));
        assertThrows(IllegalArgumentException.class,
                () -> new PreKeyStatus(true, OptionalInt.of(-1), List.of()));
    }
}
