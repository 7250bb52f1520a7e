/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0333: Displayed Markers (formerly Chat Markers; namespace {@code urn:xmpp:chat-markers:0}): a sender
 * marks a message {@code <markable/>}, recipients answer {@code <received/>}, {@code <displayed/>} or
 * {@code <acknowledged/>} with its id. The gateway maps displayed to WhatsApp read receipts and back.
 */
package org.wabridge.openfire.xep.xep0333;
