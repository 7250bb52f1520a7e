/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.wabridge.core.jid.WaJid;

/**
 * The participant-list hash of a device set (whatsapp-protocol.md §5.2): {@code "2:"} + unpadded base64 of
 * the first 6 bytes of SHA-256 over the sorted AD strings, concatenated.
 */
final class ParticipantHash {
    private ParticipantHash() {
    }

    static String of(Collection<WaJid> devices) {
        List<String> ads = new ArrayList<>();
        for (WaJid d : devices) {
            ads.add(d.toAdString());
        }
        ads.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String ad : ads) {
                sha.update(ad.getBytes(StandardCharsets.UTF_8));
            }
            return "2:" + Base64.getEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha.digest(), 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
