/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Decides, purely, which prekeys to generate, upload, rotate and delete. Defaults follow whatsapp-protocol.md
 * §5.3: 812 one-time prekeys on the first upload, a refill of 50 when the server reports fewer than 5. One-time
 * prekey ids are never reused; that is the stores' allocator's job, so the policy only sizes batches.
 *
 * <p>Signed prekeys rotate every {@code signedPreKeyRotation}; a superseded one is kept for
 * {@code signedPreKeyRetention} after its successor appeared, so pkmsgs built from the old bundle still decrypt.
 *
 * @param initialUploadCount     one-time prekeys on the first upload
 * @param minServerCount         refill when the server's count is below this
 * @param refillBatch            one-time prekeys per refill
 * @param signedPreKeyRotation   age after which a new signed prekey is generated
 * @param signedPreKeyRetention  how long a superseded signed prekey is kept
 * @param clock                  time source
 */
public record PreKeyPolicy(int initialUploadCount, int minServerCount, int refillBatch,
                           Duration signedPreKeyRotation, Duration signedPreKeyRetention, Clock clock) {

    public static final int DEFAULT_INITIAL_UPLOAD = 812;
    public static final int DEFAULT_MIN_SERVER_COUNT = 5;
    public static final int DEFAULT_REFILL_BATCH = 50;
    public static final Duration DEFAULT_SIGNED_PREKEY_ROTATION = Duration.ofDays(7);
    public static final Duration DEFAULT_SIGNED_PREKEY_RETENTION = Duration.ofDays(30);

    public PreKeyPolicy {
        requirePositive(initialUploadCount, "initialUploadCount");
        if (minServerCount < 0) {
            throw new IllegalArgumentException("minServerCount must not be negative: " + minServerCount);
        }
        requirePositive(refillBatch, "refillBatch");
        requirePositive(signedPreKeyRotation, "signedPreKeyRotation");
        Objects.requireNonNull(signedPreKeyRetention, "signedPreKeyRetention");
        if (signedPreKeyRetention.isNegative()) {
            throw new IllegalArgumentException("signedPreKeyRetention must not be negative");
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** The defaults of whatsapp-protocol.md §5.3 with the given clock. */
    public static PreKeyPolicy defaults(Clock clock) {
        return new PreKeyPolicy(DEFAULT_INITIAL_UPLOAD, DEFAULT_MIN_SERVER_COUNT, DEFAULT_REFILL_BATCH,
                DEFAULT_SIGNED_PREKEY_ROTATION, DEFAULT_SIGNED_PREKEY_RETENTION, clock);
    }

    /**
     * What to do now. Pure apart from reading the clock.
     *
     * @param status what the caller knows: whether keys were ever uploaded, the server's count (if it just told
     *               us, e.g. in an {@code encrypt} notification) and the stored signed prekeys
     */
    public PreKeyPlan plan(PreKeyStatus status) {
        Objects.requireNonNull(status, "status");
        Instant now = clock.instant();
        int oneTimeKeys = 0;
        if (!status.uploadedBefore()) {
            oneTimeKeys = initialUploadCount;
        } else if (status.serverCount().isPresent() && status.serverCount().getAsInt() < minServerCount) {
            oneTimeKeys = refillBatch;
        }
        List<SignedPreKeyInfo> byAge = new ArrayList<>(status.signedPreKeys());
        byAge.sort(Comparator.comparing(SignedPreKeyInfo::createdAt).thenComparingInt(SignedPreKeyInfo::id));
        boolean rotate = byAge.isEmpty()
                || !now.isBefore(byAge.get(byAge.size() - 1).createdAt().plus(signedPreKeyRotation));
        List<Integer> delete = new ArrayList<>();
        for (int i = 0; i < byAge.size() - 1; i++) {
            Instant supersededAt = byAge.get(i + 1).createdAt();
            if (!now.isBefore(supersededAt.plus(signedPreKeyRetention))) {
                delete.add(byAge.get(i).id());
            }
        }
        // A rotation uploads a new signed prekey; the upload iq always carries the current <skey> anyway.
        return new PreKeyPlan(oneTimeKeys, rotate, List.copyOf(delete));
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
