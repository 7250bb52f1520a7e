/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import java.nio.charset.StandardCharsets;

/**
 * What an encrypted blob is, which decides the HKDF info string its keys are derived with and the upload
 * path segment ("mms type").
 *
 * <p>Info strings and mms types are protocol facts from whatsapp-protocol.md §7.1 and §7.4 (whatsmeow
 * download.go MediaType constants and upload.go; Baileys MEDIA_HKDF_KEY_MAPPING and MEDIA_PATH_MAP).
 * Several kinds share keys: stickers use image keys, gifs and round videos use video keys, voice notes use
 * audio keys.
 */
public enum MediaType {
    IMAGE("WhatsApp Image Keys", "image"),
    STICKER("WhatsApp Image Keys", "image"),
    VIDEO("WhatsApp Video Keys", "video"),
    GIF("WhatsApp Video Keys", "video"),
    PTV("WhatsApp Video Keys", "video"),
    AUDIO("WhatsApp Audio Keys", "audio"),
    PTT("WhatsApp Audio Keys", "audio"),
    DOCUMENT("WhatsApp Document Keys", "document"),
    HISTORY("WhatsApp History Keys", "md-msg-hist"),
    APP_STATE("WhatsApp App State Keys", "md-app-state"),
    STICKER_PACK("WhatsApp Sticker Pack Keys", "sticker-pack"),
    LINK_THUMBNAIL("WhatsApp Link Thumbnail Keys", "thumbnail-link"),
    /** Baileys-only thumbnail kinds (§7.1); the mms type is not documented, so it is the main kind's. */
    IMAGE_THUMBNAIL("WhatsApp Image Thumbnail Keys", "image"),
    VIDEO_THUMBNAIL("WhatsApp Video Thumbnail Keys", "video"),
    DOCUMENT_THUMBNAIL("WhatsApp Document Thumbnail Keys", "document"),
    PAYMENT_BACKGROUND("WhatsApp Payment Background Keys", "image");

    private final String hkdfInfo;
    private final String mmsType;

    MediaType(String hkdfInfo, String mmsType) {
        this.hkdfInfo = hkdfInfo;
        this.mmsType = mmsType;
    }

    /** The HKDF "info" string, e.g. {@code "WhatsApp Image Keys"}. */
    public String hkdfInfo() {
        return hkdfInfo;
    }

    /** The info string as the bytes fed to HKDF (ASCII). */
    public byte[] hkdfInfoBytes() {
        return hkdfInfo.getBytes(StandardCharsets.US_ASCII);
    }

    /** The path segment of a consumer upload URL, {@code /mms/<mmsType>/…} (§7.4). */
    public String mmsType() {
        return mmsType;
    }
}
