/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * In-memory implementations of the store interfaces: the reference for the contract tests, and the stores of
 * tests, benchmarks and the emulator's simulated users. All stores of one account share one
 * {@link org.wabridge.core.store.inmemory.InMemoryTransactions}, which serializes access and undoes the writes of
 * a unit of work that fails.
 */
package org.wabridge.core.store.inmemory;
