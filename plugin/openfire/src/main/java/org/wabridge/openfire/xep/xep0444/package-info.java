/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * XEP-0444: Message Reactions (namespace {@code urn:xmpp:reactions:0}): {@code <reactions id='…'>} carries
 * the sender's complete current set of emoji for that message; an empty set removes them. WhatsApp keeps
 * one reaction per user, so the gateway forwards one emoji.
 */
package org.wabridge.openfire.xep.xep0444;
