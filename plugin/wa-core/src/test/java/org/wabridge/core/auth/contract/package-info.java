/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The contract every {@link org.wabridge.core.auth.ProviderKeyStore} implementation must meet, shipped in
 * wa-core's test-jar so that the in-memory, sealing and JDBC stores all run the same tests.
 */
package org.wabridge.core.auth.contract;
