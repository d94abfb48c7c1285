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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 * What Ferry does is recorded before it does it, in the database's extended property
 * {@value #JOURNAL}: the denies it adds (never one that was there before) and whether it made the
 * database read-only. Unfreezing undoes exactly that — a deny the database's owners set before the
 * cutover stays — so a crash between freeze and release is repaired by the next release. These
 * statements run against a real server only in {@code SqlServerContainerIT} (hosts with Docker).
 */
public final class SqlServerWriteFreeze implements WriteFreeze {
    static final String JOURNAL = "ferry_fence";
    static final String READ_ONLY_MARK = "read-only";
    static final List<String> WRITES = List.of("INSERT", "UPDATE", "DELETE");
    static final String OPEN_WRITERS = """
            SELECT s.session_id FROM sys.dm_exec_sessions s
            WHERE s.database_id = DB_ID() AND s.session_id <> @@SPID AND s.is_user_process = 1
              AND s.open_transaction_count > 0 AND s.login_name <> ORIGINAL_LOGIN()""";
    static final String DENIED = """
            SELECT pr.name, p.permission_name FROM sys.database_permissions p
            JOIN sys.database_principals pr ON pr.principal_id = p.grantee_principal_id
            WHERE p.class = 0 AND p.state = 'D' AND p.permission_name IN ('INSERT', 'UPDATE', 'DELETE')""";
    static final String READ_JOURNAL = "SELECT CAST(value AS nvarchar(4000)) FROM sys.extended_properties "
            + "WHERE class = 0 AND name = N'" + JOURNAL + "'";
    static final String WRITE_JOURNAL = "IF EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 0 AND name = N'" + JOURNAL
            + "') EXEC sys.sp_updateextendedproperty @name = N'" + JOURNAL + "', @value = ? "
            + "ELSE EXEC sys.sp_addextendedproperty @name = N'" + JOURNAL + "', @value = ?";
    static final String DROP_JOURNAL = "IF EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 0 AND name = N'" + JOURNAL
            + "') EXEC sys.sp_dropextendedproperty @name = N'" + JOURNAL + "'";
    static final String IS_READ_ONLY = "SELECT is_read_only FROM sys.databases WHERE database_id = DB_ID()";

    private final FreezeConfig config;

    public SqlServerWriteFreeze(FreezeConfig config) {
        this.config = config;
    }

    /** One database-scope deny: a principal's INSERT, UPDATE or DELETE. */
    record Deny(String principal, String permission) {
    }

    @Override
    public void freeze(Connection c) {
        if (config.sqlServer() == FreezeConfig.SqlServerFreeze.READ_ONLY) {
            if (!bool(c, IS_READ_ONLY, "read whether the database is read-only")) {
                writeJournal(c, READ_ONLY_MARK + "\n");
                run(c, "make the database read-only", "ALTER DATABASE CURRENT SET READ_ONLY WITH ROLLBACK IMMEDIATE");
            }
            return;
        }
        if (config.denyWriteTo().isEmpty()) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to freeze writes: name the database users or roles the "
                    + "application writes as in freeze.denyWriteTo, or set freeze.sqlServer: read-only");
        }
        List<Deny> recorded = recorded(readJournal(c));
        List<Deny> added = toAdd(config.denyWriteTo(), denied(c));
        List<Deny> all = new ArrayList<>(recorded);
        added.stream().filter(d -> !recorded.contains(d)).forEach(all::add);
        writeJournal(c, journal(all)); // recorded before it is done: a crash in between is undone by the next release
        SqlServerDialect dialect = new SqlServerDialect();
        for (Deny d : added) {
            run(c, "deny " + d.permission() + " to " + d.principal(), "DENY " + d.permission() + " TO " + dialect.quote(d.principal()));
        }
        endOpenWriters(c);
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
        SqlServerDialect dialect = new SqlServerDialect();
        for (Deny d : recorded(journal)) {
            run(c, "let " + d.principal() + " " + d.permission() + " again", "REVOKE " + d.permission() + " TO "
                    + dialect.quote(d.principal()));
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

    /** The denies to add: each principal's writes that are not denied already (those are the owners', and stay). */
    static List<Deny> toAdd(List<String> principals, Set<Deny> alreadyDenied) {
        List<Deny> out = new ArrayList<>();
        for (String p : principals) {
            for (String w : WRITES) {
                Deny d = new Deny(p, w);
                if (!alreadyDenied.contains(d)) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** The journal's text: one "PERMISSION principal" per line; a principal's name may hold any character but a line break. */
    static String journal(List<Deny> denies) {
        StringBuilder b = new StringBuilder();
        for (Deny d : denies) {
            if (d.principal().contains("\n") || d.principal().contains("\r")) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to fence principal '" + d.principal().strip()
                        + "': its name holds a line break");
            }
            b.append(d.permission()).append(' ').append(d.principal()).append('\n');
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
            if (space < 0 || !WRITES.contains(line.substring(0, space))) {
                throw new FerryException(ErrorCode.CUTOVER, "Unable to read Ferry's fence journal (extended property " + JOURNAL
                        + "): unexpected line '" + line + "'");
            }
            out.add(new Deny(line.substring(space + 1), line.substring(0, space)));
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

    private static Set<Deny> denied(Connection c) {
        Set<Deny> out = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(DENIED)) {
            while (rs.next()) {
                out.add(new Deny(rs.getString(1), rs.getString(2).strip()));
            }
            return out;
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to read the database's denies", e);
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
