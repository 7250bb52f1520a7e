/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * JDBC implementations of wa-core's store interfaces over plain {@code java.sql}: one DAO per interface with its
 * SQL as named constants, every table prefixed {@code ofWa} and keyed by the owning account so all bridged users
 * share the tables. {@link org.wabridge.store.jdbc.JdbcTransactions} binds one connection to the thread for a
 * unit of work and takes a row lock on the account, so concurrent units of work for one account (even from two
 * processes) are serialized and a failed one is rolled back. {@link org.wabridge.store.jdbc.JdbcProviderKeyStore}
 * keeps the gateway's JWT signing keys (not per account). Schemas for HSQLDB and PostgreSQL ship as resources.
 */
package org.wabridge.store.jdbc;
