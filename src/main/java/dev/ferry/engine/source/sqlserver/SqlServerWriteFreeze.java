package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.FreezeConfig;
import dev.ferry.engine.source.WriteFreeze;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * SQL Server / Azure SQL write freeze, as configured ({@code freeze.sqlServer}):
 * <ul>
 * <li>{@code deny-write} (default): {@code DENY INSERT, UPDATE, DELETE} at database scope to the
 * application's principals ({@code freeze.denyWriteTo}); then, as each of their users
 * ({@code EXECUTE AS USER}), no user table may still be writable, or the deny is undone and the
 * freeze fails naming user and table; then the sessions of other logins that hold an open
 * transaction in this database are ended ({@code KILL}), so nothing written before the freeze
 * commits after the last changes were applied. Ferry's own login is not denied and keeps writing;
 * it must not be the application's.</li>
 * <li>{@code read-only}: {@code ALTER DATABASE CURRENT SET READ_ONLY WITH ROLLBACK IMMEDIATE}, which
 * ends every session's open transaction. Nobody can write, Ferry included: a rollback has to make
 * the database writable before it brings the target's writes back.</li>
 * </ul>
 * {@link #cannotFreeze} (the cutover's preflight) and {@link #freeze} itself first refuse what the
 * freeze could not hold against ({@link SqlServerFreezeCheck}: Ferry lacking a permission it needs,
 * an application principal that owns tables, is dbo, sysadmin or db_owner, or may execute a
 * same-owner procedure). What Ferry does is recorded before it does it, in the database's extended
 * property {@value #JOURNAL}: each deny it adds with the database-scope grant it replaced (a DENY
 * replaces a GRANT of the same permission, and REVOKE would remove both), and whether it made the
 * database read-only. Unfreezing undoes exactly that — a deny the database's owners set before
 * the cutover stays, a grant the deny replaced comes back — so a crash between freeze and release
 * is repaired by the next release. These statements run against a real server only in
 * {@code SqlServerContainerIT} (hosts with Docker).
 */
public final class SqlServerWriteFreeze implements WriteFreeze {
    static final String JOURNAL = "ferry_fence";
    static final String READ_ONLY_MARK = "read-only";
    static final List<String> WRITES = List.of("INSERT", "UPDATE", "DELETE");
    /** Marks a journal line whose deny replaced a database-scope grant. */
    static final String GRANT_MARK = "+G";
    static final String OPEN_WRITERS = """
            SELECT s.session_id FROM sys.dm_exec_sessions s
            WHERE s.database_id = DB_ID() AND s.session_id <> @@SPID AND s.is_user_process = 1
              AND s.open_transaction_count > 0 AND s.login_name <> ORIGINAL_LOGIN()""";
    static final String READ_JOURNAL = "SELECT CAST(value AS nvarchar(4000)) FROM sys.extended_properties "
            + "WHERE class = 0 AND name = N'" + JOURNAL + "'";
    static final String WRITE_JOURNAL = "IF EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 0 AND name = N'" + JOURNAL
            + "') EXEC sys.sp_updateextendedproperty @name = N'" + JOURNAL + "', @value = ? "
            + "ELSE EXEC sys.sp_addextendedproperty @name = N'" + JOURNAL + "', @value = ?";
    static final String DROP_JOURNAL = "IF EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 0 AND name = N'" + JOURNAL
            + "') EXEC sys.sp_dropextendedproperty @name = N'" + JOURNAL + "'";
    static final String IS_READ_ONLY = "SELECT is_read_only FROM sys.databases WHERE database_id = DB_ID()";

    /** How many of the tables a user can still write the error names. */
    private static final int NAMED = 5;

    private final FreezeConfig config;
    private final Function<Connection, SqlServerFreezeFacts> facts;

    public SqlServerWriteFreeze(FreezeConfig config) {
        this(config, SqlServerFreezeCatalog::new);
    }

    SqlServerWriteFreeze(FreezeConfig config, Function<Connection, SqlServerFreezeFacts> facts) {
        this.config = config;
        this.facts = facts;
    }

    /** What a principal held at database scope for a permission before Ferry's deny replaced it. */
    enum Prior {
        NONE, GRANT
    }

    /** One database-scope deny Ferry adds: a principal's INSERT, UPDATE or DELETE, and the grant it replaced. */
    record Deny(String principal, String permission, Prior prior) {
    }

    @Override
    public Optional<String> cannotFreeze(Connection c) {
        List<String> problems = SqlServerFreezeCheck.problems(config, facts.apply(c));
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    @Override
    public void freeze(Connection c) {
        boolean readOnly = config.sqlServer() == FreezeConfig.SqlServerFreeze.READ_ONLY;
        if (!readOnly && config.denyWriteTo().isEmpty()) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to freeze writes: name the database users or roles the "
                    + "application writes as in freeze.denyWriteTo, or set freeze.sqlServer: read-only");
        }
        SqlServerFreezeFacts known = facts.apply(c);
        List<String> problems = SqlServerFreezeCheck.problems(config, known);
        if (!problems.isEmpty()) {
            throw new FerryException(ErrorCode.CUTOVER, "Unable to freeze writes on the source: " + String.join("; ", problems));
        }
        if (readOnly) {
            if (!bool(c, IS_READ_ONLY, "read whether the database is read-only")) {
                writeJournal(c, READ_ONLY_MARK + "\n");
                run(c, "make the database read-only", "ALTER DATABASE CURRENT SET READ_ONLY WITH ROLLBACK IMMEDIATE");
            }
            return;
        }
        List<Deny> recorded = recorded(readJournal(c));
        List<String> principals = SqlServerFreezeCheck.resolved(config.denyWriteTo(), known);
        List<Deny> added = toAdd(principals, known.databaseWrites());
        List<Deny> all = new ArrayList<>(recorded);
        added.stream().filter(d -> !recorded.contains(d)).forEach(all::add);
        writeJournal(c, journal(all)); // recorded before it is done: a crash in between is undone by the next release
        SqlServerDialect dialect = new SqlServerDialect();
        for (Deny d : added) {
            run(c, "deny " + d.permission() + " to " + d.principal(), "DENY " + d.permission() + " TO " + dialect.quote(d.principal()));
        }
        verify(c, known, principals);
        endOpenWriters(c);
    }

    /** As each of the application's users, no user table may be writable any more; otherwise the deny is undone. */
    private void verify(Connection c, SqlServerFreezeFacts known, List<String> principals) {
        for (String principal : principals) {
            for (String user : known.users(principal)) {
                List<String> writable = known.writableTables(user);
                if (!writable.isEmpty()) {
                    unfreeze(c);
                    throw new FerryException(ErrorCode.CUTOVER, "Unable to freeze writes on the source: after the deny, user '" + user
                            + "' (of '" + principal + "') can still write " + String.join(", ", writable.subList(0,
                            Math.min(NAMED, writable.size()))) + (writable.size() > NAMED ? " and " + (writable.size() - NAMED)
                            + " more" : "") + "; the source is writable again. Use freeze.sqlServer: read-only, or take the "
                            + "tables' ownership and its roles away from the application");
                }
            }
        }
    }

    @Override
    public void unfreeze(Connection c) {
        String journal = readJournal(c);
        if (journal == null) {
            return; // Ferry fenced nothing here
        }
        if (journal.lines().anyMatch(READ_ONLY_MARK::equals)) {
            run(c, "make the database writable", "ALTER DATABASE CURRENT SET READ_WRITE WITH ROLLBACK IMMEDIATE");
        }
        for (String statement : releaseStatements(recorded(journal))) {
            run(c, "give the application its writes back (" + statement + ")", statement);
        }
        run(c, "clear Ferry's fence journal", DROP_JOURNAL);
    }

    @Override
    public void allowWrites(Connection c) {
        // deny-write never denies Ferry's login; read-only cannot be lifted for one session (see letsFerryWrite)
    }

    @Override
    public boolean letsFerryWrite() {
        return config.sqlServer() != FreezeConfig.SqlServerFreeze.READ_ONLY;
    }

    /**
     * The denies to add, {@code principals} spelt as the catalog spells them
     * ({@link SqlServerFreezeCheck#resolved}): each principal's writes not denied already (those are the owners', and
     * stay), each with the database-scope grant it replaces. A grant WITH GRANT OPTION is refused
     * (by {@link SqlServerFreezeCheck}) before this.
     */
    static List<Deny> toAdd(List<String> principals, List<SqlServerFreezeFacts.PermissionRow> inPlace) {
        List<Deny> out = new ArrayList<>();
        for (String p : principals) {
            for (String w : WRITES) {
                String state = inPlace.stream().filter(r -> r.grantee().equals(p) && r.permissionName().equals(w))
                        .map(SqlServerFreezeFacts.PermissionRow::state).findFirst().orElse("");
                switch (state) {
                    case "D" -> { }
                    case "G" -> out.add(new Deny(p, w, Prior.GRANT));
                    case "" -> out.add(new Deny(p, w, Prior.NONE));
                    default -> throw new FerryException(ErrorCode.CUTOVER, "Unable to deny " + w + " to " + p + ": it holds it with "
                            + "grant option (state " + state + "), which a deny would take from those it granted it to");
                }
            }
        }
        return out;
    }

    /** What the release runs: each deny revoked, and the grant it replaced given back. */
    static List<String> releaseStatements(List<Deny> denies) {
        SqlServerDialect dialect = new SqlServerDialect();
        List<String> out = new ArrayList<>();
        for (Deny d : denies) {
            out.add("REVOKE " + d.permission() + " TO " + dialect.quote(d.principal()));
            if (d.prior() == Prior.GRANT) {
                out.add("GRANT " + d.permission() + " TO " + dialect.quote(d.principal()));
            }
        }
        return out;
    }

    /**
     * The journal's text: one "PERMISSION principal" per line, "PERMISSION+G principal" where the deny
     * replaced a grant; a principal's name may hold any character but a line break.
     */
    static String journal(List<Deny> denies) {
        StringBuilder b = new StringBuilder();
        for (Deny d : denies) {
            if (d.principal().contains("\n") || d.principal().contains("\r")) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to fence principal '" + d.principal().strip()
                        + "': its name holds a line break");
            }
            b.append(d.permission()).append(d.prior() == Prior.GRANT ? GRANT_MARK : "").append(' ').append(d.principal()).append('\n');
        }
        return b.toString();
    }

    /** The denies a journal's text records. */
    static List<Deny> recorded(String journal) {
        List<Deny> out = new ArrayList<>();
        if (journal == null) {
            return out;
        }
        for (String line : journal.split("\n")) {
            if (line.isEmpty() || line.equals(READ_ONLY_MARK)) {
                continue;
            }
            int space = line.indexOf(' ');
            String permission = space < 0 ? line : line.substring(0, space);
            Prior prior = permission.endsWith(GRANT_MARK) ? Prior.GRANT : Prior.NONE;
            permission = prior == Prior.GRANT ? permission.substring(0, permission.length() - GRANT_MARK.length()) : permission;
            if (space < 0 || !WRITES.contains(permission)) {
                throw new FerryException(ErrorCode.CUTOVER, "Unable to read Ferry's fence journal (extended property " + JOURNAL
                        + "): unexpected line '" + line + "'");
            }
            out.add(new Deny(line.substring(space + 1), permission, prior));
        }
        return out;
    }

    private static void endOpenWriters(Connection c) {
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

    private static String readJournal(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(READ_JOURNAL)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to read Ferry's fence journal", e);
        }
    }

    private static void writeJournal(Connection c, String text) {
        try (PreparedStatement ps = c.prepareStatement(WRITE_JOURNAL)) {
            ps.setString(1, text);
            ps.setString(2, text);
            ps.execute();
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to record Ferry's fence journal", e);
        }
    }

    private static boolean bool(Connection c, String sql, String what) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
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
}
