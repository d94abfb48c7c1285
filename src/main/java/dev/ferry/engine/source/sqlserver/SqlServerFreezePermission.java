package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.config.FreezeConfig;
import java.util.EnumSet;
import java.util.Set;

/**
 * A permission Ferry's own login needs for a SQL Server freeze, what it is for, and where it is
 * asked ({@code HAS_PERMS_BY_NAME} at server or database scope). Documented by Microsoft:
 * sys.dm_exec_sessions shows other sessions only with VIEW SERVER STATE on SQL Server or VIEW
 * DATABASE STATE on Azure SQL Database (learn.microsoft.com/sql/relational-databases/
 * system-dynamic-management-views/sys-dm-exec-sessions-transact-sql); KILL needs ALTER ANY CONNECTION,
 * or KILL DATABASE CONNECTION on Azure SQL Database (…/t-sql/language-elements/kill-transact-sql).
 */
enum SqlServerFreezePermission {
    CONTROL_DATABASE("CONTROL", false, "to deny the application's writes, record them in the database's extended property "
            + "and check the deny as the application's users (EXECUTE AS USER)"),
    ALTER_DATABASE("ALTER", false, "to make the database read-only (ALTER DATABASE … SET READ_ONLY) and record it"),
    VIEW_SERVER_STATE("VIEW SERVER STATE", true, "to see the application's sessions in sys.dm_exec_sessions (without it the view "
            + "shows Ferry's own session only, and open transactions would be left to commit after the freeze)"),
    ALTER_ANY_CONNECTION("ALTER ANY CONNECTION", true, "to end the application's open transactions (KILL)"),
    VIEW_DATABASE_STATE("VIEW DATABASE STATE", false, "to see the application's sessions in sys.dm_exec_sessions (without it the "
            + "view shows Ferry's own session only, and open transactions would be left to commit after the freeze)"),
    KILL_DATABASE_CONNECTION("KILL DATABASE CONNECTION", false, "to end the application's open transactions (KILL)");

    private final String sql;
    private final boolean server;
    private final String purpose;

    SqlServerFreezePermission(String sql, boolean server, String purpose) {
        this.sql = sql;
        this.server = server;
        this.purpose = purpose;
    }

    /** The permission's name as SQL Server spells it. */
    String sql() {
        return sql;
    }

    /** Whether it is a server-scope permission (asked with HAS_PERMS_BY_NAME(NULL, NULL, …)). */
    boolean server() {
        return server;
    }

    /** What the freeze needs it for. */
    String purpose() {
        return purpose;
    }

    /** The permissions Ferry's login needs for {@code mode} on SQL Server or Azure SQL Database. */
    static Set<SqlServerFreezePermission> required(FreezeConfig.SqlServerFreeze mode, boolean azureSqlDatabase) {
        if (mode == FreezeConfig.SqlServerFreeze.READ_ONLY) {
            return EnumSet.of(ALTER_DATABASE);
        }
        return azureSqlDatabase ? EnumSet.of(CONTROL_DATABASE, VIEW_DATABASE_STATE, KILL_DATABASE_CONNECTION)
                : EnumSet.of(CONTROL_DATABASE, VIEW_SERVER_STATE, ALTER_ANY_CONNECTION);
    }
}
