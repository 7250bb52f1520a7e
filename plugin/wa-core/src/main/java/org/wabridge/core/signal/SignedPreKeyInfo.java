/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.time.Instant;
import java.util.Objects;

/**
 * Bookkeeping about one stored signed prekey, the input of {@link PreKeyPolicy}.
 *
 * @param id        the signed prekey id
 * @param createdAt when it was generated
 */
public record SignedPreKeyInfo(int id, Instant createdAt) {

    public SignedPreKeyInfo {
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
