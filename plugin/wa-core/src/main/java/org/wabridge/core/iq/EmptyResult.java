/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

/** The result of an IQ whose successful answer carries no content. */
public enum EmptyResult {
    INSTANCE
}
