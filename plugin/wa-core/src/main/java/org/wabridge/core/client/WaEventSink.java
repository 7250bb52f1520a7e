/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

/**
 * Where an engine delivers its {@link WaEvent}s (the gateway's account session).
 *
 * <p>Threading: events of one account arrive one at a time, in order, on the engine's executor. The sink must
 * return quickly and must not block on I/O; slow work (database, XMPP routing) goes to the gateway's own
 * executor, completing {@link Handoff}s from there. An exception thrown here is logged and the event is
 * treated as not handed off.
 */
@FunctionalInterface
public interface WaEventSink {
    void onEvent(WaEvent event);
}
