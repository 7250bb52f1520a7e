/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.sql.Connection;
import org.wabridge.core.store.contract.StoreFixture;

class HsqldbRobustnessTest extends JdbcRobustnessContract {

    @Override
    protected StoreFixture createFixture() throws Exception {
        return new HsqldbFixture();
    }

    /** An embedded database has no server process to kill: an abrupt close discards the open transaction. */
    @Override
    protected void crash(Connection connection) throws Exception {
        connection.close();
    }
}
