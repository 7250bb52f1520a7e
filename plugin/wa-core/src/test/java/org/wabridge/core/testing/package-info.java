/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/** Test fixtures shared through wa-core's test-jar by every module's tests (e.g. a clock tests move by hand). */
package org.wabridge.core.testing;
