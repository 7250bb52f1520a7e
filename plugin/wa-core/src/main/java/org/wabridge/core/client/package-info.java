/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The client side of one bridged user's WhatsApp session: the gateway-facing port ({@link
 * org.wabridge.core.client.WaAccount}, {@link org.wabridge.core.client.WaEvent}), the connection
 * ({@link org.wabridge.core.client.WaConnection}: transport, Noise, login outcome, node routing, keepalive) and
 * the pure, clock-injected policies that keep a fleet of sessions healthy and compliant: backoff, a global
 * connect-rate limit, keepalive timing, the session state machine and the follow-client lifecycle
 * (whatsapp-protocol.md §1.5, §2.8, §5.12, §8). {@link org.wabridge.core.client.WaEngine} puts it together
 * as one user's session: connect and recover, send with per-device Signal encryption, receive with the server ack
 * only after the gateway's handoff, retry receipts, receipts, chat states and presence. Nothing here owns a
 * thread; work runs on executors passed in.
 */
package org.wabridge.core.client;
