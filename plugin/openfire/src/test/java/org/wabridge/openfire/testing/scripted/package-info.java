/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * A scripted stand-in for the WhatsApp engine, which is being written separately and does not exist in this
 * module yet: {@link org.wabridge.openfire.testing.scripted.ScriptedWaAccount} records every call, lets the
 * test emit engine events and completes send stages as the test says. Used directly by unit tests, and loaded
 * into the plugin's class loader by integration tests.
 */
package org.wabridge.openfire.testing.scripted;
