/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

/** The key agreement that established a session. */
public enum KeyAgreement {
    /** Extended Triple Diffie-Hellman: what WhatsApp's clients use today. */
    X3DH,
    /** Post-quantum extended Diffie-Hellman: X3DH plus a Kyber KEM, used when the bundle offers a Kyber key. */
    PQXDH
}
