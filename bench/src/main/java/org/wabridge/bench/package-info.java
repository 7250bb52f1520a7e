/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * JMH benchmarks. Each benchmark class measures a reference operation in the same run (a JDK primitive of
 * comparable work), so BENCHMARKS.md can report ratios that survive a noisy shared machine.
 */
package org.wabridge.bench;
