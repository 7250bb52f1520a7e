/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The only implementation of wa-core's Signal port, over libsignal-client. {@link
 * org.wabridge.signal.LibsignalCryptoFactory} opens a {@link org.wabridge.signal.LibsignalCrypto} per account;
 * {@link org.wabridge.signal.LibsignalStoreConnector} adapts the account's stores to libsignal's store interfaces.
 * libsignal types never leave this package: keys cross the boundary as raw bytes, failures as the port's typed
 * exceptions.
 */
package org.wabridge.signal;
