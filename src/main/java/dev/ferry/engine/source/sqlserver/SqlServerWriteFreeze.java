package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.FreezeConfig;
import dev.ferry.engine.cutover.WriteFreeze;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL Server / Azure SQL write freeze, as configured ({@code freeze.sqlServer}):
 * <ul>
 * <li>{@code deny-write} (default): {@code DENY INSERT, UPDATE, DELETE} at database scope to the
 * application's principals ({@code freeze.denyWriteTo}), then the sessions of other logins that hold
 * an open transaction in this database are ended ({@code KILL}), so nothing written before the
 * freeze commits after the last changes were applied. Ferry's own login is not denied and keeps
 * writing; it must not be the application's.</li>
 * <li>{@code read-only}: {@code ALTER DATABASE CURRENT SET READ_ONLY WITH ROLLBACK IMMEDIATE}, which
 * ends every session's open transaction. Nobody can write, Ferry included: a rollback has to make
 * the database writable before it brings the target's writes back.</li>
 * </ul>
 */
public final class SqlServerWriteFreeze implements WriteFreeze {
    static final String OPEN_WRITERS = """
            SELECT s.session_id FROM sys.dm_exec_sessions s
            WHERE s.database_id = DB_ID() AND s.session_id <> @@SPID AND s.is_user_process = 1
              AND s.open_transaction_count > 0 AND s.login_name <> ORIGINAL_LOGIN()""";

    private final FreezeConfig config;

    public SqlServerWriteFreeze(FreezeConfig config) {
        this.config = config;
    }

    @Override
    public void freeze(Connection c) {
        if (config.sqlServer() == FreezeConfig.SqlServerFreeze.READ_ONLY) {
            run(c, "make the database read-only", "ALTER DATABASE CURRENT SET READ_ONLY WITH ROLLBACK IMMEDIATE");
            return;
        }
        if (config.denyWriteTo().isEmpty()) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to freeze writes: name the database users or roles the "
                    + "application writes as in freeze.denyWriteTo, or set freeze.sqlServer: read-only");
        }
        for (String principal : config.denyWriteTo()) {
            run(c, "deny writes to " + principal, "DENY INSERT, UPDATE, DELETE TO " + new SqlServerDialect().quote(principal));
        }
        try (Statement st = c.createStatement()) {
            List<Integer> sessions = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(OPEN_WRITERS)) {
                while (rs.next()) {
                    sessions.add(rs.getInt(1));
                }
            }
            for (int id : sessions) {
                st.execute("KILL " + id);
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to end sessions with open transactions", e);
        }
    }

    @Override
    public void unfreeze(Connection c) {
        if (config.sqlServer() == FreezeConfig.SqlServerFreeze.READ_ONLY) {
            run(c, "make the database writable", "ALTER DATABASE CURRENT SET READ_WRITE WITH ROLLBACK IMMEDIATE");
            return;
        }
        for (String principal : config.denyWriteTo()) {
            run(c, "let " + principal + " write again", "REVOKE INSERT, UPDATE, DELETE TO " + new SqlServerDialect().quote(principal));
        }
    }

    @Override
    public void allowWrites(Connection c) {
        // deny-write never denies Ferry's login; read-only cannot be lifted for one session (see letsFerryWrite)
    }

    @Override
    public boolean letsFerryWrite() {
        return config.sqlServer() != FreezeConfig.SqlServerFreeze.READ_ONLY;
    }

    private static void run(Connection c, String what, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to " + what, e);
        }
    }
}
