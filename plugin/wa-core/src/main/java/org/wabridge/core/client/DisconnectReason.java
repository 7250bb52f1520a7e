/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

/** Why a connection ended (whatsapp-protocol.md §5.12); the engine state says what happens next. */
public enum DisconnectReason {
    /** We closed it: lifecycle close, disconnect() or shutdown. */
    LOCAL_CLOSE,
    /** No frame for the keepalive dead-link window, or the socket failed. */
    LINK_LOST,
    /** The server closed the stream ({@code xmlstreamend}) or restarted (stream error 503/515). */
    SERVER_CLOSED,
    /** Login was refused with a {@code <failure>}. */
    LOGIN_FAILED,
    /** Another connection for the same account took over ({@code conflict type="replaced"}). */
    REPLACED,
    /** The account or device was logged out ({@code device_removed}, 401). */
    DEVICE_REMOVED,
    /** The token expired or was invalid (413/414-class). */
    TOKEN_REJECTED,
    /** A frame failed to decrypt or decode; the session cannot continue. */
    PROTOCOL_ERROR
}
