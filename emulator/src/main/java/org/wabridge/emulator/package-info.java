/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * A faithful stand-in for WhatsApp's chat server, for tests and local runs (whatsapp-protocol.md §9): TCP and
 * WebSocket listeners, the Noise responder with its own certificate chain, interop (JWT) and consumer (Noise
 * key) logins, one live connection per device, message fan-out with acks, receipts, offline queues released
 * only by acks, and fault injection. Codes that Meta has not published are assumptions:
 *
 * <table>
 * <caption>ack error codes (assumed unless noted)</caption>
 * <tr><th>code</th><th>when</th></tr>
 * <tr><td>404</td><td>recipient account unknown</td></tr>
 * <tr><td>403</td><td>interop sender, recipient has not opted in to third-party chats</td></tr>
 * <tr><td>429</td><td>sender exceeded {@code messagesPerMinute}</td></tr>
 * <tr><td>463</td><td>reach-out limit: too many new contacts in {@code reachOutWindow} (code from WM)</td></tr>
 * <tr><td>503</td><td>recipient device queue full ({@code queueCapacity})</td></tr>
 * </table>
 * Login failure codes are listed in {@link org.wabridge.emulator.auth}.
 */
package org.wabridge.emulator;
