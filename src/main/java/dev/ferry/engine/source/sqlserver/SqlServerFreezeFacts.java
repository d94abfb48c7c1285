package dev.ferry.engine.source.sqlserver;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the SQL Server write freeze asks the server before and after it fences the application:
 * Ferry's own permissions, the application's principals, the grants in place and what the
 * application can still write. Behind one interface so fixtures can answer in tests;
 * {@link SqlServerFreezeCatalog} asks a real server.
 */
interface SqlServerFreezeFacts {
    /** Azure SQL Database ({@code SERVERPROPERTY('EngineEdition') = 5}); SQL Server and Managed Instance otherwise. */
    boolean azureSqlDatabase();

    /** Which of {@code asked} Ferry's own login and user hold here ({@code HAS_PERMS_BY_NAME}, implied permissions included). */
    Set<SqlServerFreezePermission> ferryHolds(Set<SqlServerFreezePermission> asked);

    /** The database principal called {@code name}, or empty when there is none. */
    Optional<PrincipalRow> principal(String name);

    /** The users {@code principal} stands for: itself when it is a user, its members (at any depth) when it is a role. */
    List<String> users(String principal);

    /** The database-scope INSERT, UPDATE and DELETE rows of {@code sys.database_permissions}. */
    List<PermissionRow> databaseWrites();

    /**
     * Modules {@code user} may EXECUTE that share the owner of a table, view or procedure they
     * reference: ownership chaining lets the user write through them past a DENY on the tables.
     */
    List<ChainRow> ownershipChains(String user);

    /** The user tables {@code user} can still INSERT, UPDATE or DELETE ({@code HAS_PERMS_BY_NAME} under {@code EXECUTE AS USER}). */
    List<String> writableTables(String user);

    /**
     * A database principal as the freeze judges it.
     *
     * @param ownedTable a user table whose owner it is (its own or its schema's owner), or null
     */
    record PrincipalRow(String name, String type, boolean isDbo, boolean isSysadmin, boolean isDbOwner, String ownedTable) {
    }

    /** One database-scope permission row: state D (deny), G (grant) or W (grant with grant option). */
    record PermissionRow(String grantee, String permissionName, String state) {
    }

    /** A module and the same-owner object it reaches through an ownership chain. */
    record ChainRow(String module, String referenced) {
    }
}
