/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Per-user WhatsApp sessions: one {@link org.wabridge.openfire.session.AccountSession} per registered Openfire
 * user owns one {@link org.wabridge.core.client.WaAccount} made by a
 * {@link org.wabridge.openfire.session.WaAccountFactory}, opens and closes it as the user's XMPP clients come
 * and go (a {@link org.wabridge.core.client.LifecycleController} per user, fed by
 * {@link org.wabridge.openfire.session.OpenfireSessionEvents}), runs all of its work on one serial executor,
 * and shows the engine state to the user as the gateway's presence
 * ({@link org.wabridge.openfire.session.GatewayPresence}).
 */
package org.wabridge.openfire.session;
