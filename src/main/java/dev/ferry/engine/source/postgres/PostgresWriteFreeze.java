package dev.ferry.engine.source.postgres;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.source.WriteFreeze;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL write fence. Freezing revokes INSERT, UPDATE, DELETE and TRUNCATE on every user table
 * from the application's roles — the configured ones, or by default every role (and PUBLIC) holding
 * such a grant other than Ferry's own — recording each revoked grant in {@code ferry_fence.revoked}
 * in the same transaction; then makes read-only the default for new sessions (which also stops a
 * superuser application that does not override it), and ends every client session of other roles,
 * so no open transaction keeps writing. Ferry's sessions are known by their role, never by a name a
 * client can set. Unfreezing grants back exactly what the journal holds and resets the default; the
 * journal lives in the fenced database, so a crash between fence and release is repaired by the
 * next release. Needs the tables' owner (or a superuser) as Ferry's role.
 */
public final class PostgresWriteFreeze implements WriteFreeze {
    static final String JOURNAL = """
            CREATE SCHEMA IF NOT EXISTS ferry_fence;
            CREATE TABLE IF NOT EXISTS ferry_fence.revoked (table_schema text NOT NULL, table_name text NOT NULL,
                grantee text NOT NULL, privilege text NOT NULL, grantable boolean NOT NULL,
                revoked_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (table_schema, table_name, grantee, privilege))""";
    /** Write grants on user tables held by roles other than Ferry's (PUBLIC as grantee 0). */
    static final String WRITE_GRANTS = """
            SELECT n.nspname, c.relname, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END,
                   a.privilege_type, a.is_grantable, coalesce(r.rolsuper, false)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
            LEFT JOIN pg_roles r ON r.oid = a.grantee
            WHERE c.relkind IN ('r', 'p') AND a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'ferry', 'ferry_cdc', 'ferry_fence')
              AND n.nspname NOT LIKE 'pg\\_%'
              AND a.grantee <> (SELECT oid FROM pg_roles WHERE rolname = current_user)
            ORDER BY 1, 2, 3, 4""";
    static final String FENCED = "SELECT to_regclass('ferry_fence.revoked') IS NOT NULL OR EXISTS (SELECT 1 FROM pg_db_role_setting s "
            + "JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = current_database() AND s.setrole = 0 "
            + "AND 'default_transaction_read_only=on' = ANY (s.setconfig))";
    static final String FERRY_IS_SUPERUSER = "SELECT rolsuper FROM pg_roles WHERE rolname = current_user";
    static final String FERRY_IS_MEMBER = "SELECT pg_has_role(current_user, ?, 'MEMBER')";
    static final String END_OTHER_SESSIONS = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
            + "AND pid <> pg_backend_pid() AND backend_type = 'client backend' "
            + "AND usesysid <> (SELECT oid FROM pg_roles WHERE rolname = session_user)";

    /** Makes a session of Ferry's writable whatever the database's read-only default. */
    public static final String ALLOW_WRITES = "SET SESSION default_transaction_read_only = off";
    static final int LOCK_TIMEOUT_MILLIS = 5_000;
    static final int ATTEMPTS = 6;
    private final List<String> applicationRoles;

    /** A fence on every role with write grants but Ferry's own. */
    public PostgresWriteFreeze() {
        this(List.of());
    }

    /** A fence on {@code applicationRoles} only (every role but Ferry's when empty). */
    public PostgresWriteFreeze(List<String> applicationRoles) {
        this.applicationRoles = List.copyOf(applicationRoles);
    }

    /** One write grant of a role on a table. */
    record Grant(String schema, String table, String grantee, String privilege, boolean grantable, boolean superuser) {
        String on() {
            return quote(schema) + "." + quote(table);
        }

        String to() {
            return grantee.equals("PUBLIC") ? "PUBLIC" : quote(grantee);
        }
    }

    @Override
    public Optional<String> cannotFreeze(Connection c) {
        try {
            List<Grant> grants = grants(c);
            boolean ferrySuper = bool(c, FERRY_IS_SUPERUSER, null);
            java.util.Set<String> asked = new java.util.HashSet<>(); // one membership question per role, not per grant
            for (Grant g : grants) {
                if (g.superuser()) {
                    return Optional.of("role " + g.grantee() + " writes to " + g.schema() + "." + g.table()
                            + " as a superuser, and no fence stops a superuser; let the application write as a role of its own");
                }
                if (!ferrySuper && !g.grantee().equals("PUBLIC") && asked.add(g.grantee()) && bool(c, FERRY_IS_MEMBER, g.grantee())) {
                    return Optional.of("Ferry's role is a member of " + g.grantee() + ", whose write grants the fence revokes; run Ferry "
                            + "as a role with grants of its own (the tables' owner)");
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to check the write fence's roles", e);
        }
    }

    @Override
    public void freeze(Connection c) {
        allowWrites(c);
        transaction(c, "fence the application's writes", () -> {
            try (Statement st = c.createStatement()) {
                st.execute(JOURNAL);
            }
            try (PreparedStatement record = c.prepareStatement("INSERT INTO ferry_fence.revoked (table_schema, table_name, grantee, "
                    + "privilege, grantable) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"); Statement st = c.createStatement()) {
                for (Grant g : grants(c)) {
                    record.setString(1, g.schema());
                    record.setString(2, g.table());
                    record.setString(3, g.grantee());
                    record.setString(4, g.privilege());
                    record.setBoolean(5, g.grantable());
                    record.executeUpdate();
                    st.execute("REVOKE " + g.privilege() + " ON " + g.on() + " FROM " + g.to() + " CASCADE");
                }
            }
            // a grant made by another grantor survives a revoke by a role that did not make it
            List<Grant> left = grants(c);
            if (!left.isEmpty()) {
                Grant g = left.get(0);
                throw new FerryException(ErrorCode.CUTOVER, "Unable to fence writes: role " + g.grantee() + " keeps " + g.privilege()
                        + " on " + g.schema() + "." + g.table() + " (Ferry's role must own the tables)");
            }
        });
        run(c, "make new sessions read-only", """
                DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', current_database()); END $$""");
        run(c, "end the application's sessions", END_OTHER_SESSIONS);
    }

    @Override
    public void unfreeze(Connection c) {
        allowWrites(c);
        if (!fenced(c)) {
            return; // never fenced, or released already
        }
        transaction(c, "lift the write fence", () -> {
            try (Statement st = c.createStatement()) {
                st.execute(JOURNAL);
                List<Grant> revoked = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT r.table_schema, r.table_name, r.grantee, r.privilege, r.grantable "
                        + "FROM ferry_fence.revoked r JOIN pg_namespace n ON n.nspname = r.table_schema "
                        + "JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = r.table_name ORDER BY 1, 2, 3, 4")) {
                    while (rs.next()) {
                        revoked.add(new Grant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), false));
                    }
                }
                for (Grant g : revoked) {
                    st.execute("GRANT " + g.privilege() + " ON " + g.on() + " TO " + g.to() + (g.grantable() ? " WITH GRANT OPTION" : ""));
                }
                st.execute("DELETE FROM ferry_fence.revoked");
            }
        });
        run(c, "reset the sessions' read-only default", """
                DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET default_transaction_read_only', current_database()); END $$""");
    }

    @Override
    public void allowWrites(Connection c) {
        run(c, "allow Ferry's session to write", ALLOW_WRITES);
    }

    /** Whether a fence of Ferry's is on: grants recorded as revoked, or the database's read-only default set. */
    private static boolean fenced(Connection c) {
        try {
            return bool(c, FENCED, null);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to find out whether the database is fenced", e);
        }
    }

    /** The grants a fence would revoke now. */
    List<Grant> grants(Connection c) throws SQLException {
        List<Grant> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(WRITE_GRANTS)) {
            while (rs.next()) {
                Grant g = new Grant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6));
                if (applicationRoles.isEmpty() || applicationRoles.contains(g.grantee())) {
                    out.add(g);
                }
            }
        }
        return out;
    }

    private static boolean bool(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * Runs {@code work} in one transaction whose lock waits are bounded ({@value #LOCK_TIMEOUT_MILLIS}
     * ms): revoking on a table waits for the application's open transactions on it, and one that
     * waits on the fence in turn is a deadlock; either way the whole transaction is tried again, up
     * to {@value #ATTEMPTS} times, so the fence never waits without end.
     */
    private static void transaction(Connection c, String what, LockBoundTransaction.Work work) {
        try {
            LockBoundTransaction.run(c, LOCK_TIMEOUT_MILLIS, ATTEMPTS, work);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to " + what, e);
        }
    }

    private static void run(Connection c, String what, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to " + what, e);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
