/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Media for the emulator (whatsapp-protocol.md §7.4, §7.5, §9.2): upload auth tokens handed out by the
 * {@code w:m} media_conn IQ, an mmg-like loopback HTTP host that stores encrypted blobs in a bounded disk spool
 * and serves them by direct path, and a stand-in for Meta's media proxy that fetches blobs the provider (the
 * bridge) hosts, limited to an allow-list of hosts. Real WhatsApp uses HTTPS; this host is loopback-only HTTP.
 */
package org.wabridge.emulator.media;
