/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Narrow store interfaces for the Signal state of one bridged account (identities, one-time, signed and Kyber
 * prekeys, sessions, sender keys). Records are opaque {@code byte[]} produced and read by the Signal adapter;
 * stores never interpret them. {@link org.wabridge.core.store.StoreTransactions} is the transaction boundary
 * that makes a decrypt and the session write it causes one atomic unit. Implementations: in-memory here, JDBC
 * in {@code wa-store-jdbc}; each interface has a contract test suite in this module's test-jar.
 */
package org.wabridge.core.store;
