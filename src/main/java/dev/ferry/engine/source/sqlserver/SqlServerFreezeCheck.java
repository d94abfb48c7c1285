package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.config.FreezeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a SQL Server freeze can hold, decided from {@link SqlServerFreezeFacts} before anything is
 * frozen (issue 14.1). {@code DENY} does not apply to object owners or members of sysadmin
 * (learn.microsoft.com/sql/t-sql/statements/deny-transact-sql), db_owner members can lift it, and
 * ownership chaining skips the permission check on objects a same-owner procedure references
 * (learn.microsoft.com/sql/relational-databases/security/ownership-chains): a deny-write fence on
 * such a principal lets writes through, so it is refused by name, with read-only as the way out.
 */
final class SqlServerFreezeCheck {
    private static final String WAY_OUT = "; freeze.sqlServer: read-only stops every writer, owners included";

    private SqlServerFreezeCheck() {
    }

    /** Every reason the configured freeze could not hold, empty when it can. */
    static List<String> problems(FreezeConfig config, SqlServerFreezeFacts facts) {
        List<String> out = new ArrayList<>(missingFerryPermissions(config.sqlServer(), facts));
        if (config.sqlServer() == FreezeConfig.SqlServerFreeze.READ_ONLY) {
            return out;
        }
        if (config.denyWriteTo().isEmpty()) {
            out.add("name the database users or roles the application writes as in freeze.denyWriteTo, or set freeze.sqlServer: read-only");
            return out;
        }
        List<String> principals = resolved(config.denyWriteTo(), facts);
        for (String principal : principals) {
            out.addAll(principalProblems(principal, facts));
        }
        for (SqlServerFreezeFacts.PermissionRow r : facts.databaseWrites()) {
            if (principals.contains(r.grantee()) && r.state().equals("W")) {
                out.add(r.grantee() + " holds " + r.permissionName() + " WITH GRANT OPTION on the database: a DENY would need CASCADE "
                        + "and take away what it granted on, which the release could not give back" + WAY_OUT);
            }
        }
        return out;
    }

    /**
     * The configured principals as the catalog spells them: {@code freeze.denyWriteTo: [appuser]}
     * finds {@code AppUser} where the catalog's collation ignores case, and the grants in
     * {@code sys.database_permissions} carry the catalog's spelling. A name the catalog does not know
     * stays as configured (and is refused by name).
     */
    static List<String> resolved(List<String> configured, SqlServerFreezeFacts facts) {
        return configured.stream().map(n -> facts.principal(n).map(SqlServerFreezeFacts.PrincipalRow::name).orElse(n))
                .distinct().toList();
    }

    /** Ferry's permissions the freeze needs and its login lacks, each named with what it is for. */
    static List<String> missingFerryPermissions(FreezeConfig.SqlServerFreeze mode, SqlServerFreezeFacts facts) {
        boolean azure = facts.azureSqlDatabase();
        Set<SqlServerFreezePermission> required = SqlServerFreezePermission.required(mode, azure);
        Set<SqlServerFreezePermission> held = facts.ferryHolds(required);
        List<String> out = new ArrayList<>();
        for (SqlServerFreezePermission p : required) {
            if (!held.contains(p)) {
                out.add("Ferry's login lacks " + p.sql() + (p.server() ? " (server)" : " on the database") + " on "
                        + (azure ? "Azure SQL Database" : "SQL Server") + ", needed " + p.purpose());
            }
        }
        return out;
    }

    private static List<String> principalProblems(String principal, SqlServerFreezeFacts facts) {
        var row = facts.principal(principal);
        if (row.isEmpty()) {
            return List.of("freeze.denyWriteTo names '" + principal + "', which is no user or role of this database");
        }
        List<String> out = new ArrayList<>(unstoppable(principal, row.get()));
        for (String user : facts.users(principal)) {
            if (!user.equals(principal)) {
                facts.principal(user).ifPresent(p -> out.addAll(unstoppable(principal, p)));
            }
            for (SqlServerFreezeFacts.ChainRow c : facts.ownershipChains(user)) {
                out.add(who(principal, user) + " may execute " + c.module() + ", which has the owner of " + c.referenced()
                        + ": ownership chaining skips the deny on what it writes" + WAY_OUT);
            }
        }
        return out;
    }

    private static List<String> unstoppable(String configured, SqlServerFreezeFacts.PrincipalRow p) {
        List<String> out = new ArrayList<>();
        String who = who(configured, p.name());
        if (p.isDbo()) {
            out.add(who + " is the database owner (dbo), and DENY does not apply to owners" + WAY_OUT);
        }
        if (p.isSysadmin()) {
            out.add(who + " logs in as a member of sysadmin, and DENY does not apply to sysadmin" + WAY_OUT);
        }
        if (p.isDbOwner() && !p.isDbo()) {
            out.add(who + " is a member of db_owner, which can lift the deny" + WAY_OUT);
        }
        if (p.ownedTable() != null) {
            out.add(who + " owns " + p.ownedTable() + ", and DENY does not apply to an object's owner" + WAY_OUT);
        }
        return out;
    }

    private static String who(String configured, String name) {
        return configured.equals(name) ? "'" + name + "'" : "'" + name + "' (a member of '" + configured + "')";
    }
}
