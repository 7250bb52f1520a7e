/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Admin console pages as plain servlets declared in {@code web/WEB-INF/web-custom.xml} (no JSPs, so the same
 * jar works on Openfire 4.2 and 5.x): a controller per page, a page model, a pure HTML view, and the
 * plugin's own CSRF token.
 */
package org.wabridge.openfire.admin;
