/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0115 Entity Capabilities: the verification string computed from a disco#info answer (§5, including
 * XEP-0128 extended forms) and the {@code <c/>} element a presence carries, so clients can cache what the gateway
 * supports instead of asking on every presence.
 */
package org.wabridge.openfire.xep.xep0115;
