/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Test harness: a real Openfire 4.2.0 booted inside the test JVM from Maven Central artifacts, with the
 * project's own core-schema fixture, the freshly built plugin jar installed, Smack connections for test users
 * and an in-memory capture of Openfire's log4j output.
 */
package org.wabridge.openfire.testing;
