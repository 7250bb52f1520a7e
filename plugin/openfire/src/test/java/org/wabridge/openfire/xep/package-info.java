/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/** Literal-XML parse and serialize tests of the XEP element classes, one test class per XEP. */
package org.wabridge.openfire.xep;
