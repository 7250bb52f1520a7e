/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The provider's JWT signing keys in Openfire: the key ring on the plugin's database table with private keys
 * encrypted under a key-encryption key kept as an encrypted Openfire property, rotation by setting, and the
 * public JWKS served without authentication on Openfire's public HTTP (BOSH) port.
 */
package org.wabridge.openfire.keys;
