/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * JMH benchmarks. Each benchmark class measures one area and a reference in the same run, so BENCHMARKS.md can
 * report a ratio that survives the noise of a shared machine. Run from the shaded jar (see BENCHMARKS.md).
 */
package org.wabridge.bench;
