/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.wabridge.core.jid.WaJid;

/**
 * The participant hash of a device list (whatsapp-protocol.md §5.2): {@code "2:"} + unpadded standard base64 of
 * the first 6 bytes of SHA-256 over the sorted, concatenated {@link WaJid#toAdString() AD strings}. The server
 * returns it as {@code phash} in a send ack and as {@code device_hash} in devices notifications.
 */
public final class ParticipantHash {
    private ParticipantHash() {
    }

    public static String of(Collection<WaJid> devices) {
        List<String> ads = new ArrayList<>();
        for (WaJid device : devices) {
            ads.add(device.toAdString());
        }
        Collections.sort(ads);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        for (String ad : ads) {
            sha.update(ad.getBytes(StandardCharsets.UTF_8));
        }
        byte[] head = Arrays.copyOf(sha.digest(), 6);
        return "2:" + Base64.getEncoder().withoutPadding().encodeToString(head);
    }
}
