/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Abstract contract test suites, one per store interface, shipped in wa-core's test-jar. An implementation's
 * test class extends a suite and supplies a {@link org.wabridge.core.store.contract.StoreFixture}; the suite then
 * checks the behaviour every implementation must share (round trips, isolation between accounts, persistence
 * across reopening, never-reused ids, atomic units of work, no lost updates under concurrency).
 */
package org.wabridge.core.store.contract;
