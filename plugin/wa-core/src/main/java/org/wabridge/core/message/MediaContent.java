/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An attachment with its metadata. Only the fields WhatsApp's message type for {@code kind} can carry are
 * allowed (whatsapp-protocol.md §7.2), so a value always converts to a protobuf and back unchanged:
 * dimensions for image, video, sticker; duration for video, audio, voice; caption for image, video,
 * document; file name for document; inline JPEG thumbnail for image, video, document; {@code animated}
 * (gif playback / animated sticker) for video and sticker; reply and mentions for every kind.
 */
public record MediaContent(MediaKind kind, MediaBlob blob, OptionalInt width, OptionalInt height,
        OptionalInt durationSeconds, Optional<String> caption, Optional<String> fileName, Optional<Octets> thumbnail,
        boolean animated, Optional<ReplyContext> reply, List<String> mentions) implements MessageContent {
    public MediaContent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(height, "height");
        Objects.requireNonNull(durationSeconds, "durationSeconds");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(thumbnail, "thumbnail");
        Objects.requireNonNull(reply, "reply");
        mentions = List.copyOf(mentions);
        boolean visual = kind == MediaKind.IMAGE || kind == MediaKind.VIDEO || kind == MediaKind.STICKER;
        boolean timed = kind == MediaKind.VIDEO || kind == MediaKind.AUDIO || kind == MediaKind.VOICE;
        boolean captioned = kind == MediaKind.IMAGE || kind == MediaKind.VIDEO || kind == MediaKind.DOCUMENT;
        require(visual || (width.isEmpty() && height.isEmpty()), kind, "dimensions");
        require(timed || durationSeconds.isEmpty(), kind, "a duration");
        require(captioned || caption.isEmpty(), kind, "a caption");
        require(kind == MediaKind.DOCUMENT || fileName.isEmpty(), kind, "a file name");
        require(captioned || thumbnail.isEmpty(), kind, "an inline thumbnail");
        require(kind == MediaKind.VIDEO || kind == MediaKind.STICKER || !animated, kind, "the animated flag");
    }

    private static void require(boolean ok, MediaKind kind, String what) {
        if (!ok) {
            throw new IllegalArgumentException(kind + " media cannot carry " + what);
        }
    }

    /** An attachment of {@code kind} with none of the optional metadata. */
    public static MediaContent of(MediaKind kind, MediaBlob blob) {
        return new MediaContent(kind, blob, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), List.of());
    }

    /** The {@code <enc mediatype=…>} value: the kind's, except "gif" for a video with gif playback. */
    public String encMediaType() {
        return kind == MediaKind.VIDEO && animated ? "gif" : kind.encMediaType();
    }
}
