/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * End-to-end tests of the per-user session engine ({@code WaEngine}) against a real emulator on loopback:
 * real sockets, Noise, JWT logins and libsignal through wa-signal, with in-memory stores. Policies (keepalive,
 * backoff, timeouts) are short so failures and reconnects happen quickly; no test asserts on timing.
 */
package org.wabridge.emulator.engine;
