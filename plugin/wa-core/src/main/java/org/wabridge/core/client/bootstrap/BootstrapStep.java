/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client.bootstrap;

/** The steps of the post-login bootstrap, in order; a failure names the step it happened in. */
public enum BootstrapStep {
    SET_ACTIVE,
    PREKEY_COUNT,
    PREKEY_UPLOAD,
    SIGNED_PREKEY_ROTATION,
    OWN_DEVICES
}
