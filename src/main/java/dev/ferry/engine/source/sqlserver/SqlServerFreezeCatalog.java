package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.source.CatalogQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link SqlServerFreezeFacts} over a live connection. The checks made as the application's users
 * collect their candidates first and switch context ({@code EXECUTE AS USER}) only to ask
 * {@code HAS_PERMS_BY_NAME}, then {@code REVERT} before the rows are returned; an error in between
 * reverts in the batch's {@code CATCH}, and a failure the batch could not catch (a cancel, a
 * timeout) aborts the connection, so no pool hands out a session still acting as the application's
 * user. These queries run
 * against a real server only in {@code SqlServerContainerIT} (hosts with Docker).
 */
final class SqlServerFreezeCatalog implements SqlServerFreezeFacts {
    static final String ENGINE_EDITION = "SELECT CAST(SERVERPROPERTY('EngineEdition') AS int)";
    static final String HAS_SERVER_PERMISSION = "SELECT HAS_PERMS_BY_NAME(NULL, NULL, ?)";
    static final String HAS_DATABASE_PERMISSION = "SELECT HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', ?)";
    static final String PRINCIPAL = """
            SELECT dp.name AS name, dp.type AS type,
                   CAST(CASE WHEN dp.principal_id = 1 THEN 1 ELSE 0 END AS bit) AS is_dbo,
                   CAST(CASE WHEN SUSER_SNAME(dp.sid) IS NULL THEN 0
                        ELSE COALESCE(IS_SRVROLEMEMBER('sysadmin', SUSER_SNAME(dp.sid)), 0) END AS bit) AS is_sysadmin,
                   CAST(COALESCE(IS_ROLEMEMBER('db_owner', dp.name), 0) AS bit) AS is_db_owner,
                   (SELECT TOP (1) s.name + N'.' + t.name FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id
                    WHERE t.is_ms_shipped = 0 AND COALESCE(t.principal_id, s.principal_id) = dp.principal_id
                    ORDER BY s.name, t.name) AS owned_table
            FROM sys.database_principals dp WHERE dp.name = ?""";
    static final String USERS = """
            WITH m AS (SELECT principal_id FROM sys.database_principals WHERE name = ?
                       UNION ALL SELECT rm.member_principal_id FROM sys.database_role_members rm
                       JOIN m ON rm.role_principal_id = m.principal_id)
            SELECT DISTINCT dp.name FROM m JOIN sys.database_principals dp ON dp.principal_id = m.principal_id
            WHERE dp.type IN ('S', 'U', 'E') ORDER BY dp.name""";
    static final String DATABASE_WRITES = """
            SELECT pr.name AS grantee, p.permission_name AS permission_name, p.state AS state FROM sys.database_permissions p
            JOIN sys.database_principals pr ON pr.principal_id = p.grantee_principal_id
            WHERE p.class = 0 AND p.permission_name IN ('INSERT', 'UPDATE', 'DELETE')""";
    /** Procedures referencing a same-owner table, view or procedure; then, as the user, those it may EXECUTE. */
    static final String OWNERSHIP_CHAINS = """
            SET NOCOUNT ON;
            DECLARE @user sysname = ?;
            DECLARE @c TABLE (module nvarchar(300), module_q nvarchar(600), referenced nvarchar(300), can_execute int);
            WITH o AS (SELECT ob.object_id, ob.type, COALESCE(ob.principal_id, s.principal_id) AS owner_id, s.name AS schema_name,
                              ob.name FROM sys.objects ob JOIN sys.schemas s ON s.schema_id = ob.schema_id WHERE ob.is_ms_shipped = 0)
            INSERT @c (module, module_q, referenced)
            SELECT DISTINCT m.schema_name + N'.' + m.name, QUOTENAME(m.schema_name) + N'.' + QUOTENAME(m.name),
                   r.schema_name + N'.' + r.name
            FROM sys.sql_expression_dependencies d
            JOIN o m ON m.object_id = d.referencing_id AND m.type IN ('P', 'PC')
            JOIN o r ON r.object_id = d.referenced_id AND r.type IN ('U', 'V', 'P', 'PC')
            WHERE m.owner_id = r.owner_id AND m.object_id <> r.object_id;
            DECLARE @switched bit = 0;
            BEGIN TRY
                EXECUTE AS USER = @user;
                SET @switched = 1;
                UPDATE @c SET can_execute = COALESCE(HAS_PERMS_BY_NAME(module_q, 'OBJECT', 'EXECUTE'), 0);
                REVERT;
                SET @switched = 0;
            END TRY
            BEGIN CATCH
                IF @switched = 1 REVERT;
                THROW;
            END CATCH;
            SELECT module, referenced FROM @c WHERE can_execute = 1 ORDER BY module, referenced;""";
    /** The user tables a user can still write, asked as that user. */
    static final String WRITABLE_TABLES = """
            SET NOCOUNT ON;
            DECLARE @user sysname = ?;
            DECLARE @t TABLE (name nvarchar(300), q nvarchar(600), can_write int);
            INSERT @t (name, q) SELECT s.name + N'.' + t.name, QUOTENAME(s.name) + N'.' + QUOTENAME(t.name)
            FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id WHERE t.is_ms_shipped = 0;
            DECLARE @switched bit = 0;
            BEGIN TRY
                EXECUTE AS USER = @user;
                SET @switched = 1;
                UPDATE @t SET can_write = COALESCE(HAS_PERMS_BY_NAME(q, 'OBJECT', 'INSERT'), 0)
                    | COALESCE(HAS_PERMS_BY_NAME(q, 'OBJECT', 'UPDATE'), 0) | COALESCE(HAS_PERMS_BY_NAME(q, 'OBJECT', 'DELETE'), 0);
                REVERT;
                SET @switched = 0;
            END TRY
            BEGIN CATCH
                IF @switched = 1 REVERT;
                THROW;
            END CATCH;
            SELECT name FROM @t WHERE can_write = 1 ORDER BY name;""";
    /** {@code SERVERPROPERTY('EngineEdition')} of Azure SQL Database. */
    static final int AZURE_SQL_DATABASE = 5;

    private final Connection connection;

    SqlServerFreezeCatalog(Connection connection) {
        this.connection = connection;
    }

    @Override
    public boolean azureSqlDatabase() {
        return integer(ENGINE_EDITION, null) == AZURE_SQL_DATABASE;
    }

    @Override
    public Set<SqlServerFreezePermission> ferryHolds(Set<SqlServerFreezePermission> asked) {
        Set<SqlServerFreezePermission> out = EnumSet.noneOf(SqlServerFreezePermission.class);
        for (SqlServerFreezePermission p : asked) {
            if (integer(p.server() ? HAS_SERVER_PERMISSION : HAS_DATABASE_PERMISSION, p.sql()) == 1) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public Optional<PrincipalRow> principal(String name) {
        return CatalogQuery.list(connection, PRINCIPAL, PrincipalRow.class, name).stream().findFirst();
    }

    @Override
    public List<String> users(String principal) {
        return strings(USERS, principal);
    }

    @Override
    public List<PermissionRow> databaseWrites() {
        return CatalogQuery.list(connection, DATABASE_WRITES, PermissionRow.class).stream()
                .map(r -> new PermissionRow(r.grantee(), r.permissionName().strip(), r.state().strip())).toList();
    }

    @Override
    public List<ChainRow> ownershipChains(String user) {
        List<ChainRow> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(OWNERSHIP_CHAINS)) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ChainRow(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw abandoned(FerryException.fromSql(ErrorCode.CUTOVER, "Unable to read what user '" + user + "' may execute", e));
        }
    }

    @Override
    public List<String> writableTables(String user) {
        try {
            return strings(WRITABLE_TABLES, user);
        } catch (FerryException e) {
            throw abandoned(e);
        }
    }

    /** After a failed check made as another user: the session may still act as that user, so it is aborted, never reused. */
    private FerryException abandoned(FerryException failure) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    private List<String> strings(String sql, String parameter) {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to check what principal '" + parameter + "' can do", e);
        }
    }

    private int integer(String sql, String parameter) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to read the server's edition or Ferry's permissions", e);
        }
    }
}
