/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

/**
 * How the encoder writes INTEROP_JID (§3.5). Decoders accept both. Which form WhatsApp's interop servers expect is
 * not public, so this is a protocol-profile setting.
 */
public enum InteropJidForm {
    /** user, u16 device, u16 integrator, then the server string {@code interop} (whatsmeow; the default). */
    WITH_SERVER,
    /** user, u16 device, u16 integrator and no server string (WA Web's outbound writer, whatsapp-rust). */
    WITHOUT_SERVER
}
