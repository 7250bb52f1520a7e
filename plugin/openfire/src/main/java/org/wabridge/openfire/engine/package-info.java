/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The real WhatsApp engine in the plugin: the {@code plugin.whatsapp.endpoint*} settings, one plugin-wide
 * {@link org.wabridge.openfire.engine.EnginePlatform} (bounded executors, scheduler, connect limiter, NIO loop),
 * and {@link org.wabridge.openfire.engine.EngineAccountFactory}, which builds one wa-core {@code WaEngine} per
 * registered user over that user's JDBC Signal stores and interop credentials signed with the provider keys.
 */
package org.wabridge.openfire.engine;
