/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.util.List;
import java.util.Objects;

/** The account's block list as WhatsApp has it, or why it could not be read. */
public sealed interface BlockListResult permits BlockListResult.Listed, BlockListResult.Unavailable {

    /** @param jids the blocked users' addresses (without device) */
    record Listed(List<String> jids) implements BlockListResult {
        public Listed {
            jids = List.copyOf(jids);
        }
    }

    /** @param why the same typed reasons as a refused send */
    record Unavailable(SendResult.Rejected why) implements BlockListResult {
        public Unavailable {
            Objects.requireNonNull(why, "why");
        }
    }
}
