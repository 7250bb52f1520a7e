/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

/**
 * The content of one WhatsApp {@code Message} protobuf. Content the bridge cannot represent is an
 * {@link UnsupportedContent} holding the original bytes, never dropped.
 */
public sealed interface MessageContent extends WaPayload
        permits TextContent, MediaContent, Reaction, Edit, Revoke, UnsupportedContent {
}
