/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.List;

/**
 * The decision of {@link PreKeyPolicy}.
 *
 * @param oneTimePreKeysToUpload how many fresh one-time prekeys to generate and upload (0 = none)
 * @param rotateSignedPreKey     whether to generate and upload a new signed prekey
 * @param signedPreKeysToDelete  ids of superseded signed prekeys past their retention
 */
public record PreKeyPlan(int oneTimePreKeysToUpload, boolean rotateSignedPreKey, List<Integer> signedPreKeysToDelete) {

    public PreKeyPlan {
        if (oneTimePreKeysToUpload < 0) {
            throw new IllegalArgumentException("negative prekey count: " + oneTimePreKeysToUpload);
        }
        signedPreKeysToDelete = List.copyOf(signedPreKeysToDelete);
    }

    /** Whether an upload iq is needed at all. */
    public boolean uploadNeeded() {
        return oneTimePreKeysToUpload > 0 || rotateSignedPreKey;
    }
}
