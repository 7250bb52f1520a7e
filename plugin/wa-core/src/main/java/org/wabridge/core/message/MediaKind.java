/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import org.wabridge.core.media.MediaType;

/** The kinds of attachment the bridge sends and receives. */
public enum MediaKind {
    IMAGE(MediaType.IMAGE, "image"),
    VIDEO(MediaType.VIDEO, "video"),
    AUDIO(MediaType.AUDIO, "audio"),
    /** A voice note: an audio message with PTT set (whatsapp-protocol.md §7.2). */
    VOICE(MediaType.PTT, "ptt"),
    DOCUMENT(MediaType.DOCUMENT, "document"),
    STICKER(MediaType.STICKER, "sticker");

    private final MediaType mediaType;
    private final String encMediaType;

    MediaKind(MediaType mediaType, String encMediaType) {
        this.mediaType = mediaType;
        this.encMediaType = encMediaType;
    }

    /** Which keys the blob is encrypted with. */
    public MediaType mediaType() {
        return mediaType;
    }

    /** The {@code <enc mediatype=…>} attribute value (§7.2), before the gif special case. */
    public String encMediaType() {
        return encMediaType;
    }
}
