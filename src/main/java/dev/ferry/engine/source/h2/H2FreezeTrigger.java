package dev.ferry.engine.source.h2;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.Trigger;

/**
 * The trigger {@link H2WriteFreeze} puts on every table during a cutover: refuses each write
 * unless the session is one of Ferry's (it set {@code @FERRY_WRITER}).
 */
public final class H2FreezeTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        table = schemaName + "." + tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT @FERRY_WRITER")) {
            if (!rs.next() || rs.getObject(1) == null) {
                throw new SQLException("Writes to " + table + " are frozen for a cutover to PostgreSQL", "25006");
            }
        }
    }
}
