/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.Arrays;
import org.wabridge.core.binary.Node;
import org.wabridge.core.signal.OneTimePreKey;
import org.wabridge.core.signal.SignedPreKey;

/** Recognisable key bytes and the hand-written key nodes of whatsapp-protocol.md §5.3. */
final class TestKeys {
    static final byte[] IDENTITY = filled(32, 0x11);
    static final byte[] PREKEY = filled(32, 0x22);
    static final byte[] SIGNED = filled(32, 0x33);
    static final byte[] SIGNATURE = filled(64, 0x44);
    /** Key id 0x010203 = 66051, written as three bytes 01 02 03. */
    static final int KEY_ID = 0x010203;
    static final byte[] KEY_ID_BYTES = {1, 2, 3};
    /** Registration id 0x0A0B0C0D, written as four bytes. */
    static final int REGISTRATION = 0x0A0B0C0D;
    static final byte[] REGISTRATION_BYTES = {0x0A, 0x0B, 0x0C, 0x0D};

    static final OneTimePreKey ONE_TIME = new OneTimePreKey(KEY_ID, PREKEY);
    static final SignedPreKey SIGNED_PRE_KEY = new SignedPreKey(7, SIGNED, SIGNATURE);

    private TestKeys() {
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    static Node bytes(String tag, byte[] content) {
        return Node.builder(tag).bytes(content).build();
    }

    static Node keyNode() {
        return Node.builder("key").children(bytes("id", KEY_ID_BYTES), bytes("value", PREKEY)).build();
    }

    static Node skeyNode() {
        return Node.builder("skey").children(bytes("id", new byte[] {0, 0, 7}), bytes("value", SIGNED),
                bytes("signature", SIGNATURE)).build();
    }

    static Node typeNode() {
        return bytes("type", new byte[] {5});
    }
}
