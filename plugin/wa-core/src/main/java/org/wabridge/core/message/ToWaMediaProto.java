/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import org.wabridge.core.proto.WaMessageProtos.AudioMessage;
import org.wabridge.core.proto.WaMessageProtos.DocumentMessage;
import org.wabridge.core.proto.WaMessageProtos.ImageMessage;
import org.wabridge.core.proto.WaMessageProtos.Message;
import org.wabridge.core.proto.WaMessageProtos.StickerMessage;
import org.wabridge.core.proto.WaMessageProtos.VideoMessage;

/** Bridge → WhatsApp for attachments: one protobuf message type per {@link MediaKind} (§7.2). Pure. */
final class ToWaMediaProto {
    private ToWaMediaProto() {
    }

    static Message media(MediaContent m) {
        return switch (m.kind()) {
            case IMAGE -> Message.newBuilder().setImageMessage(image(m)).build();
            case VIDEO -> Message.newBuilder().setVideoMessage(video(m)).build();
            case AUDIO, VOICE -> Message.newBuilder().setAudioMessage(audio(m)).build();
            case DOCUMENT -> Message.newBuilder().setDocumentMessage(document(m)).build();
            case STICKER -> Message.newBuilder().setStickerMessage(sticker(m)).build();
        };
    }

    private static ImageMessage image(MediaContent m) {
        MediaBlob b = m.blob();
        ImageMessage.Builder x = ImageMessage.newBuilder()
                .setMimetype(b.mimetype())
                .setFileLength(b.fileLength())
                .setFileSha256(ToWaProto.bytes(b.fileSha256()))
                .setFileEncSha256(ToWaProto.bytes(b.fileEncSha256()))
                .setMediaKey(ToWaProto.bytes(b.mediaKey()));
        b.url().ifPresent(x::setUrl);
        b.directPath().ifPresent(x::setDirectPath);
        b.mediaKeyTimestamp().ifPresent(x::setMediaKeyTimestamp);
        m.width().ifPresent(x::setWidth);
        m.height().ifPresent(x::setHeight);
        m.caption().ifPresent(x::setCaption);
        m.thumbnail().ifPresent(t -> x.setJpegThumbnail(ToWaProto.bytes(t)));
        if (ToWaProto.needsContext(m.reply(), m.mentions())) {
            x.setContextInfo(ToWaProto.contextInfo(m.reply(), m.mentions()));
        }
        return x.build();
    }

    private static VideoMessage video(MediaContent m) {
        MediaBlob b = m.blob();
        VideoMessage.Builder x = VideoMessage.newBuilder()
                .setMimetype(b.mimetype())
                .setFileLength(b.fileLength())
                .setFileSha256(ToWaProto.bytes(b.fileSha256()))
                .setFileEncSha256(ToWaProto.bytes(b.fileEncSha256()))
                .setMediaKey(ToWaProto.bytes(b.mediaKey()));
        b.url().ifPresent(x::setUrl);
        b.directPath().ifPresent(x::setDirectPath);
        b.mediaKeyTimestamp().ifPresent(x::setMediaKeyTimestamp);
        m.width().ifPresent(x::setWidth);
        m.height().ifPresent(x::setHeight);
        m.durationSeconds().ifPresent(x::setSeconds);
        m.caption().ifPresent(x::setCaption);
        m.thumbnail().ifPresent(t -> x.setJpegThumbnail(ToWaProto.bytes(t)));
        if (m.animated()) {
            x.setGifPlayback(true);
        }
        if (ToWaProto.needsContext(m.reply(), m.mentions())) {
            x.setContextInfo(ToWaProto.contextInfo(m.reply(), m.mentions()));
        }
        return x.build();
    }

    private static AudioMessage audio(MediaContent m) {
        MediaBlob b = m.blob();
        AudioMessage.Builder x = AudioMessage.newBuilder()
                .setMimetype(b.mimetype())
                .setFileLength(b.fileLength())
                .setFileSha256(ToWaProto.bytes(b.fileSha256()))
                .setFileEncSha256(ToWaProto.bytes(b.fileEncSha256()))
                .setMediaKey(ToWaProto.bytes(b.mediaKey()));
        b.url().ifPresent(x::setUrl);
        b.directPath().ifPresent(x::setDirectPath);
        b.mediaKeyTimestamp().ifPresent(x::setMediaKeyTimestamp);
        m.durationSeconds().ifPresent(x::setSeconds);
        if (m.kind() == MediaKind.VOICE) {
            x.setPtt(true);
        }
        if (ToWaProto.needsContext(m.reply(), m.mentions())) {
            x.setContextInfo(ToWaProto.contextInfo(m.reply(), m.mentions()));
        }
        return x.build();
    }

    private static DocumentMessage document(MediaContent m) {
        MediaBlob b = m.blob();
        DocumentMessage.Builder x = DocumentMessage.newBuilder()
                .setMimetype(b.mimetype())
                .setFileLength(b.fileLength())
                .setFileSha256(ToWaProto.bytes(b.fileSha256()))
                .setFileEncSha256(ToWaProto.bytes(b.fileEncSha256()))
                .setMediaKey(ToWaProto.bytes(b.mediaKey()));
        b.url().ifPresent(x::setUrl);
        b.directPath().ifPresent(x::setDirectPath);
        b.mediaKeyTimestamp().ifPresent(x::setMediaKeyTimestamp);
        m.fileName().ifPresent(x::setFileName);
        m.caption().ifPresent(x::setCaption);
        m.thumbnail().ifPresent(t -> x.setJpegThumbnail(ToWaProto.bytes(t)));
        if (ToWaProto.needsContext(m.reply(), m.mentions())) {
            x.setContextInfo(ToWaProto.contextInfo(m.reply(), m.mentions()));
        }
        return x.build();
    }

    private static StickerMessage sticker(MediaContent m) {
        MediaBlob b = m.blob();
        StickerMessage.Builder x = StickerMessage.newBuilder()
                .setMimetype(b.mimetype())
                .setFileLength(b.fileLength())
                .setFileSha256(ToWaProto.bytes(b.fileSha256()))
                .setFileEncSha256(ToWaProto.bytes(b.fileEncSha256()))
                .setMediaKey(ToWaProto.bytes(b.mediaKey()));
        b.url().ifPresent(x::setUrl);
        b.directPath().ifPresent(x::setDirectPath);
        b.mediaKeyTimestamp().ifPresent(x::setMediaKeyTimestamp);
        m.width().ifPresent(x::setWidth);
        m.height().ifPresent(x::setHeight);
        if (m.animated()) {
            x.setIsAnimated(true);
        }
        if (ToWaProto.needsContext(m.reply(), m.mentions())) {
            x.setContextInfo(ToWaProto.contextInfo(m.reply(), m.mentions()));
        }
        return x.build();
    }
}
