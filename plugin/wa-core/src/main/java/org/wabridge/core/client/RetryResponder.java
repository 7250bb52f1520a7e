/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.iq.PreKeyFetchIq;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.ToWaProto;
import org.wabridge.core.proto.WaMessageProtos.Message;
import org.wabridge.core.stanza.OutgoingMessage;
import org.wabridge.core.stanza.ReceiptStanza;
import org.wabridge.core.stanza.RetryMessage;
import org.wabridge.core.stanza.RetryRequest;
import org.wabridge.core.store.SentMessageRecord;

/**
 * Answers a peer device's retry receipt for a message we sent (whatsapp-protocol.md §5.8, sender side): the
 * plaintext comes from the {@code RecentSentStore}; the session is rebuilt from the keys in the receipt, or
 * from a freshly fetched bundle when it carries none (a retry means the peer cannot use our current session);
 * the message is re-encrypted for that one device and sent with {@code device_fanout="false"} and the retry
 * count. Bounded: at most {@code maxRetryAnswers} re-sends per message.
 */
final class RetryResponder {
    private static final Logger LOG = LoggerFactory.getLogger(RetryResponder.class);

    private final EngineContext ctx;
    private final MessageSender sender;
    private final Map<String, Integer> answered = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > 1024;
        }
    };

    RetryResponder(EngineContext ctx, MessageSender sender) {
        this.ctx = ctx;
        this.sender = sender;
    }

    /** Runs on the serial queue; the receipt itself has already been acked. */
    void onRetryReceipt(WaConnection connection, ReceiptStanza receipt) {
        RetryRequest request = receipt.retry().orElseThrow();
        WaJid device = receipt.from().orElseThrow();
        Optional<SentMessageRecord> record = ctx.recentSent.get(receipt.id());
        if (record.isEmpty() || !(record.get().chatJid().equals(device.toNonAd().toString())
                || ctx.isOwnAccount(device))) {
            LOG.debug("retry receipt for a message we no longer keep (or sent elsewhere); ignored");
            return;
        }
        int count = answered.merge(receipt.id() + "|" + device, 1, Integer::sum);
        if (count > ctx.settings.maxRetryAnswers()) {
            LOG.info("giving up re-sending a message after {} retry receipts", count - 1);
            return;
        }
        session(connection, device, request).thenRunAsync(() -> resend(connection, device, request, record.get()),
                ctx.serial);
    }

    private CompletionStage<Void> session(WaConnection connection, WaJid device, RetryRequest request) {
        if (request.keys().isPresent()) {
            sender.buildSession(device, request.keys().get().toPreKeyBundle(device.device()));
            return CompletableFuture.completedFuture(null);
        }
        return connection.request(PreKeyFetchIq.of(List.of(device))).handleAsync((bundles, failure) -> {
            if (failure != null) {
                LOG.debug("bundle fetch for a retry failed: {}", EngineContext.unwrap(failure).toString());
                return null;
            }
            for (PreKeyFetchIq.UserBundle b : bundles) {
                b.bundle().ifPresent(bundle -> sender.buildSession(device, bundle.toPreKeyBundle(device.device())));
            }
            return null;
        }, ctx.serial);
    }

    private void resend(WaConnection connection, WaJid device, RetryRequest request, SentMessageRecord record) {
        byte[] plain = record.plaintext();
        if (ctx.isOwnAccount(device)) { // own devices get the DeviceSentMessage wrapper (§6.4)
            try {
                plain = ToWaProto.wrapForOwnDevices(Message.parseFrom(plain), record.chatJid()).toByteArray();
            } catch (InvalidProtocolBufferException e) {
                LOG.warn("stored sent message is not a Message protobuf; cannot answer the retry");
                return;
            }
        }
        Optional<OutgoingMessage.DeviceEnc> enc = sender.encryptFor(device, plain,
                record.edit().isPresent() || "reaction".equals(record.stanzaType()));
        if (enc.isEmpty()) {
            LOG.info("could not re-encrypt a message for a retry receipt");
            return;
        }
        RetryMessage retry = new RetryMessage(record.messageId(), device, record.stanzaType(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), record.edit(), enc.get().enc().withCount(request.count()),
                Optional.empty());
        EngineContext.sendQuietly(connection, retry.toNode());
    }

    int size() {
        return answered.size();
    }

}
