/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import com.google.protobuf.ByteString;
import java.util.Objects;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;

/**
 * Builds the interop login payload sent inside the Noise handshake (whatsapp-protocol.md §1.3, §2.6):
 * {@code product = INTEROP}, {@code interopData{accountID, token, enableReadReceipts}}, the device id, and
 * {@code passive = true, pull = true} as consumer logins do (the engine then sends
 * {@code <iq xmlns="passive"><active/></iq>}, §5.1). Pure; thread-safe.
 */
public final class ClientPayloadFactory {
    private final UserAgentSettings userAgent;

    public ClientPayloadFactory(UserAgentSettings userAgent) {
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    }

    /**
     * The login for one connection attempt.
     *
     * @param accountId          the interop account id ({@code interopData.accountID}, unsigned 64-bit)
     * @param device             this connection's device id (0 for the primary)
     * @param token              the freshly minted JWT in compact form, as bytes
     * @param enableReadReceipts whether the user shares read receipts
     * @param reason             why we connect (first connect, reconnect after error, after a failed ping)
     */
    public ClientPayload build(long accountId, int device, byte[] token, boolean enableReadReceipts,
                               ClientPayload.ConnectReason reason) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(reason, "reason");
        if (token.length == 0) {
            throw new IllegalArgumentException("interop token is empty");
        }
        if (device < 0) {
            throw new IllegalArgumentException("device id must be >= 0: " + device);
        }
        return ClientPayload.newBuilder()
                .setProduct(ClientPayload.Product.INTEROP)
                .setInteropData(ClientPayload.InteropData.newBuilder()
                        .setAccountID(accountId)
                        .setToken(ByteString.copyFrom(token))
                        .setEnableReadReceipts(enableReadReceipts))
                .setDevice(device)
                .setPassive(true)
                .setPull(true)
                .setConnectType(ClientPayload.ConnectType.WIFI_UNKNOWN)
                .setConnectReason(reason)
                .setUserAgent(userAgent())
                .build();
    }

    /** {@link #build} serialized, ready for {@code ClientHandshaker#handshake}. */
    public byte[] bytes(long accountId, int device, byte[] token, boolean enableReadReceipts,
                        ClientPayload.ConnectReason reason) {
        return build(accountId, device, token, enableReadReceipts, reason).toByteArray();
    }

    /**
     * A consumer login (product WHATSAPP, {@code username} = the phone number, no token): how the emulator's
     * simulated WhatsApp users connect with their registered Noise key.
     */
    public byte[] consumerBytes(long phone, int device, String pushName, ClientPayload.ConnectReason reason) {
        Objects.requireNonNull(pushName, "pushName");
        Objects.requireNonNull(reason, "reason");
        if (device < 0) {
            throw new IllegalArgumentException("device id must be >= 0: " + device);
        }
        return ClientPayload.newBuilder()
                .setProduct(ClientPayload.Product.WHATSAPP)
                .setUsername(phone)
                .setDevice(device)
                .setPassive(true)
                .setPull(true)
                .setPushName(pushName)
                .setConnectType(ClientPayload.ConnectType.WIFI_UNKNOWN)
                .setConnectReason(reason)
                .setUserAgent(userAgent())
                .build().toByteArray();
    }

    private ClientPayload.UserAgent userAgent() {
        int[] v = userAgent.versionParts();
        ClientPayload.UserAgent.AppVersion.Builder version = ClientPayload.UserAgent.AppVersion.newBuilder()
                .setPrimary(v[0]);
        if (v.length > 1) {
            version.setSecondary(v[1]);
        }
        if (v.length > 2) {
            version.setTertiary(v[2]);
        }
        if (v.length > 3) {
            version.setQuaternary(v[3]);
        }
        if (v.length > 4) {
            version.setQuinary(v[4]);
        }
        ClientPayload.UserAgent.Platform platform = ClientPayload.UserAgent.Platform.forNumber(userAgent.platform());
        ClientPayload.UserAgent.ReleaseChannel channel =
                ClientPayload.UserAgent.ReleaseChannel.forNumber(userAgent.releaseChannel());
        if (platform == null || channel == null) {
            throw new IllegalArgumentException("platform " + userAgent.platform() + " or release channel "
                    + userAgent.releaseChannel() + " is not a known enum value in wa_client_payload.proto");
        }
        return ClientPayload.UserAgent.newBuilder()
                .setPlatform(platform)
                .setAppVersion(version)
                .setOsVersion(userAgent.osVersion())
                .setManufacturer(userAgent.manufacturer())
                .setDevice(userAgent.device())
                .setReleaseChannel(channel)
                .setLocaleLanguageIso6391(userAgent.localeLanguage())
                .setLocaleCountryIso31661Alpha2(userAgent.localeCountry())
                .build();
    }
}
