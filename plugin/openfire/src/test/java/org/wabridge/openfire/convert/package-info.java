/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/** Tests of the converters in both directions, with literal XML stanzas. */
package org.wabridge.openfire.convert;
