/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/** Tests of the id translation: JID mapping both ways and the message id map. */
package org.wabridge.openfire.id;
