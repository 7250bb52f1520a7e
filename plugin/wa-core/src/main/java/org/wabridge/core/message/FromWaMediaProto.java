/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.wabridge.core.proto.WaMessageProtos.AudioMessage;
import org.wabridge.core.proto.WaMessageProtos.ContextInfo;
import org.wabridge.core.proto.WaMessageProtos.DocumentMessage;
import org.wabridge.core.proto.WaMessageProtos.ImageMessage;
import org.wabridge.core.proto.WaMessageProtos.Message;
import org.wabridge.core.proto.WaMessageProtos.StickerMessage;
import org.wabridge.core.proto.WaMessageProtos.VideoMessage;

/**
 * WhatsApp → bridge for attachments (§7.2). View-once media is reported as unsupported rather than shown as
 * an ordinary attachment, which would break the sender's intent. Pure.
 */
final class FromWaMediaProto {
    private static final String UNKNOWN_MIMETYPE = "application/octet-stream";

    private FromWaMediaProto() {
    }

    /** The attachment in {@code m}, if it has one of the modelled media fields. */
    static Optional<MessageContent> media(Message m) {
        if (m.hasImageMessage()) {
            ImageMessage x = m.getImageMessage();
            if (x.getViewOnce()) {
                return Optional.of(FromWaProto.unsupported("view-once image", m));
            }
            MediaBlob blob = blob(x.hasMimetype(), x.getMimetype(), x.getFileLength(), x.getFileSha256(),
                    x.getFileEncSha256(), x.getMediaKey(), x.hasDirectPath(), x.getDirectPath(), x.hasUrl(), x.getUrl(),
                    x.hasMediaKeyTimestamp(), x.getMediaKeyTimestamp());
            return Optional.of(new MediaContent(MediaKind.IMAGE, blob, opt(x.hasWidth(), x.getWidth()),
                    opt(x.hasHeight(), x.getHeight()), OptionalInt.empty(), opt(x.hasCaption(), x.getCaption()),
                    Optional.empty(), thumb(x.hasJpegThumbnail(), x.getJpegThumbnail()), false,
                    FromWaProto.reply(x.hasContextInfo(), x.getContextInfo()), mentions(x.getContextInfo())));
        }
        if (m.hasVideoMessage()) {
            VideoMessage x = m.getVideoMessage();
            if (x.getViewOnce()) {
                return Optional.of(FromWaProto.unsupported("view-once video", m));
            }
            MediaBlob blob = blob(x.hasMimetype(), x.getMimetype(), x.getFileLength(), x.getFileSha256(),
                    x.getFileEncSha256(), x.getMediaKey(), x.hasDirectPath(), x.getDirectPath(), x.hasUrl(), x.getUrl(),
                    x.hasMediaKeyTimestamp(), x.getMediaKeyTimestamp());
            return Optional.of(new MediaContent(MediaKind.VIDEO, blob, opt(x.hasWidth(), x.getWidth()),
                    opt(x.hasHeight(), x.getHeight()), opt(x.hasSeconds(), x.getSeconds()),
                    opt(x.hasCaption(), x.getCaption()), Optional.empty(),
                    thumb(x.hasJpegThumbnail(), x.getJpegThumbnail()), x.getGifPlayback(),
                    FromWaProto.reply(x.hasContextInfo(), x.getContextInfo()), mentions(x.getContextInfo())));
        }
        if (m.hasAudioMessage()) {
            AudioMessage x = m.getAudioMessage();
            if (x.getViewOnce()) {
                return Optional.of(FromWaProto.unsupported("view-once audio", m));
            }
            MediaBlob blob = blob(x.hasMimetype(), x.getMimetype(), x.getFileLength(), x.getFileSha256(),
                    x.getFileEncSha256(), x.getMediaKey(), x.hasDirectPath(), x.getDirectPath(), x.hasUrl(), x.getUrl(),
                    x.hasMediaKeyTimestamp(), x.getMediaKeyTimestamp());
            return Optional.of(new MediaContent(x.getPtt() ? MediaKind.VOICE : MediaKind.AUDIO, blob,
                    OptionalInt.empty(), OptionalInt.empty(), opt(x.hasSeconds(), x.getSeconds()), Optional.empty(),
                    Optional.empty(), Optional.empty(), false,
                    FromWaProto.reply(x.hasContextInfo(), x.getContextInfo()), mentions(x.getContextInfo())));
        }
        if (m.hasDocumentMessage()) {
            return Optional.of(document(m.getDocumentMessage()));
        }
        if (m.hasDocumentWithCaptionMessage() && m.getDocumentWithCaptionMessage().getMessage().hasDocumentMessage()) {
            return Optional.of(document(m.getDocumentWithCaptionMessage().getMessage().getDocumentMessage()));
        }
        if (m.hasStickerMessage()) {
            StickerMessage x = m.getStickerMessage();
            MediaBlob blob = blob(x.hasMimetype(), x.getMimetype(), x.getFileLength(), x.getFileSha256(),
                    x.getFileEncSha256(), x.getMediaKey(), x.hasDirectPath(), x.getDirectPath(), x.hasUrl(), x.getUrl(),
                    x.hasMediaKeyTimestamp(), x.getMediaKeyTimestamp());
            return Optional.of(new MediaContent(MediaKind.STICKER, blob, opt(x.hasWidth(), x.getWidth()),
                    opt(x.hasHeight(), x.getHeight()), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), x.getIsAnimated(),
                    FromWaProto.reply(x.hasContextInfo(), x.getContextInfo()), mentions(x.getContextInfo())));
        }
        return Optional.empty();
    }

    /** Documents name the file in fileName (8); older senders only set title (3). */
    private static MessageContent document(DocumentMessage x) {
        MediaBlob blob = blob(x.hasMimetype(), x.getMimetype(), x.getFileLength(), x.getFileSha256(),
                x.getFileEncSha256(), x.getMediaKey(), x.hasDirectPath(), x.getDirectPath(), x.hasUrl(), x.getUrl(),
                x.hasMediaKeyTimestamp(), x.getMediaKeyTimestamp());
        Optional<String> fileName = x.hasFileName() ? Optional.of(x.getFileName())
                : opt(x.hasTitle(), x.getTitle());
        return new MediaContent(MediaKind.DOCUMENT, blob, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                opt(x.hasCaption(), x.getCaption()), fileName, thumb(x.hasJpegThumbnail(), x.getJpegThumbnail()), false,
                FromWaProto.reply(x.hasContextInfo(), x.getContextInfo()), mentions(x.getContextInfo()));
    }

    private static MediaBlob blob(boolean hasMime, String mime, long fileLength, ByteString sha, ByteString encSha,
            ByteString key, boolean hasPath, String path, boolean hasUrl, String url, boolean hasTs, long ts) {
        return new MediaBlob(hasMime ? mime : UNKNOWN_MIMETYPE, Math.max(0, fileLength), octets(sha), octets(encSha),
                octets(key), opt(hasPath, path), opt(hasUrl, url), hasTs ? OptionalLong.of(ts) : OptionalLong.empty());
    }

    private static List<String> mentions(ContextInfo c) {
        return c.getMentionedJidList();
    }

    private static Octets octets(ByteString b) {
        return Octets.of(b.toByteArray());
    }

    private static Optional<Octets> thumb(boolean present, ByteString b) {
        return present ? Optional.of(octets(b)) : Optional.empty();
    }

    private static Optional<String> opt(boolean present, String value) {
        return present ? Optional.of(value) : Optional.empty();
    }

    private static OptionalInt opt(boolean present, int value) {
        return present ? OptionalInt.of(value) : OptionalInt.empty();
    }
}
