package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.Change;
import dev.ferry.engine.source.ChangeCapture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * SQL Server / Azure SQL change capture through Change Tracking. {@link #install} enables it on
 * the database and on each table (marking what Ferry enabled with an extended property, so
 * {@link #remove} disables only that) and returns {@code CHANGE_TRACKING_CURRENT_VERSION()}, to be
 * saved before the bulk copy's snapshot. Versions are taken at commit, so the position is a true
 * cursor. A table whose saved version fell below {@code CHANGE_TRACKING_MIN_VALID_VERSION} (its
 * changes were cleaned up) comes back as a whole-table change, which the sync re-synchronizes
 * instead of losing changes.
 */
public final class SqlServerChangeCapture implements ChangeCapture {
    static final String PROPERTY = "ferry_change_tracking";
    static final String ENABLE_DATABASE = """
            IF NOT EXISTS (SELECT 1 FROM sys.change_tracking_databases WHERE database_id = DB_ID())
            BEGIN
                ALTER DATABASE CURRENT SET CHANGE_TRACKING = ON (CHANGE_RETENTION = 7 DAYS, AUTO_CLEANUP = ON);
                EXEC sys.sp_addextendedproperty @name = N'ferry_change_tracking', @value = N'enabled by Ferry';
            END""";
    static final String TABLE_TRACKED = "SELECT COUNT(*) FROM sys.change_tracking_tables WHERE object_id = OBJECT_ID(?)";
    static final String MARK_TABLE = "EXEC sys.sp_addextendedproperty @name = N'ferry_change_tracking', @value = N'enabled by Ferry', "
            + "@level0type = N'SCHEMA', @level0name = ?, @level1type = N'TABLE', @level1name = ?";
    static final String TABLES_FERRY_ENABLED = """
            SELECT s.name, t.name FROM sys.extended_properties p
            JOIN sys.tables t ON t.object_id = p.major_id JOIN sys.schemas s ON s.schema_id = t.schema_id
            WHERE p.class = 1 AND p.minor_id = 0 AND p.name = N'ferry_change_tracking'""";
    static final String DATABASE_FERRY_ENABLED = "SELECT COUNT(*) FROM sys.extended_properties WHERE class = 0 "
            + "AND name = N'ferry_change_tracking'";
    /** commit_time is UTC: it is compared with SYSUTCDATETIME(), never the server's local GETDATE() (issue 14). */
    static final String COMMIT_TIME_AGE = "SELECT DATEDIFF_BIG(millisecond, commit_time, SYSUTCDATETIME()) FROM sys.dm_tran_commit_table "
            + "WHERE commit_ts = ?";

    private final Function<Connection, ChangeTrackingReader> readers;
    /** The migrated tables whose changes are read; null for every tracked table. */
    private final Set<TableRef> scope;

    public SqlServerChangeCapture() {
        this(SqlServerChangeTrackingReader::new);
    }

    SqlServerChangeCapture(Function<Connection, ChangeTrackingReader> readers) {
        this(readers, null);
    }

    private SqlServerChangeCapture(Function<Connection, ChangeTrackingReader> readers, Set<TableRef> scope) {
        this.readers = readers;
        this.scope = scope;
    }

    /**
     * Reads the changes of {@code tables} only: a table tracked by another application, or left out
     * by the config, neither stops the sync nor counts in its lag (issue 14.7).
     */
    @Override
    public ChangeCapture scopedTo(Set<TableRef> tables) {
        return new SqlServerChangeCapture(readers, Set.copyOf(tables));
    }

    private List<TrackedTable> tracked(ChangeTrackingReader reader) {
        return TrackedTable.of(reader.trackedKeyColumns()).stream().filter(t -> scope == null || scope.contains(t.ref())).toList();
    }

    @Override
    public long install(Connection source, List<Table> tables) {
        for (Table t : tables) {
            if (t.primaryKey() == null) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to capture changes of " + t.ref()
                        + ": SQL Server's Change Tracking needs a primary key; add one or exclude the table");
            }
        }
        try (Statement st = source.createStatement()) {
            st.execute(ENABLE_DATABASE);
            for (Table t : tables) {
                String qualified = new SqlServerDialect().qualified(t.ref());
                boolean tracked;
                try (PreparedStatement ps = source.prepareStatement(TABLE_TRACKED)) {
                    ps.setString(1, qualified);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        tracked = rs.getInt(1) > 0;
                    }
                }
                if (!tracked) {
                    st.execute("ALTER TABLE " + qualified + " ENABLE CHANGE_TRACKING");
                    try (PreparedStatement ps = source.prepareStatement(MARK_TABLE)) {
                        ps.setString(1, t.ref().schema());
                        ps.setString(2, t.ref().name());
                        ps.execute();
                    }
                }
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONFIGURATION, "Unable to enable Change Tracking", e);
        }
        return readers.apply(source).currentVersion();
    }

    @Override
    public List<Change> changesAfter(Connection source, long position, int limit) {
        ChangeTrackingReader reader = readers.apply(source);
        return reader.consistently(() -> changesAfter(reader, position, limit));
    }

    /**
     * One batch. Microsoft's guidance is to check each table's minimum valid version after reading
     * its changes, because cleanup may run between the check and CHANGETABLE
     * (learn.microsoft.com/sql/relational-databases/track-changes/work-with-change-tracking-sql-server,
     * "obtaining consistent and correct results"): a table found cleaned up afterwards is read
     * again as a whole-table change, and the batch is made again around it (issue 14.4).
     */
    private List<Change> changesAfter(ChangeTrackingReader reader, long position, int limit) {
        long current = reader.currentVersion();
        List<TrackedTable> tables = tracked(reader);
        Set<TableRef> cleanedUp = new HashSet<>();
        while (true) {
            List<TrackedTable> live = new ArrayList<>();
            List<Change> whole = new ArrayList<>();
            for (TrackedTable t : tables) {
                if (position < t.minValidVersion() || cleanedUp.contains(t.ref())) {
                    whole.add(Change.wholeTable(current, t.ref()));
                } else {
                    live.add(t);
                }
            }
            List<Change> out = read(reader, live, position, current, whole.isEmpty() ? limit : null);
            Map<TableRef, Long> after = reader.minValidVersions();
            List<TableRef> expired = live.stream().map(TrackedTable::ref).filter(r -> position < after.getOrDefault(r, 0L)).toList();
            if (expired.isEmpty()) {
                out.addAll(whole);
                return out;
            }
            cleanedUp.addAll(expired);
        }
    }

    /** The changes of {@code live} after {@code position}; with a limit, up to the version that ends the batch whole. */
    private static List<Change> read(ChangeTrackingReader reader, List<TrackedTable> live, long position, long current, Integer limit) {
        long bound = current;
        List<List<ChangeTrackingReader.VersionedKey>> first = new ArrayList<>();
        for (TrackedTable t : live) {
            List<ChangeTrackingReader.VersionedKey> rows = reader.changes(t, position, current, limit);
            first.add(rows);
            if (limit != null && rows.size() >= limit) {
                bound = Math.min(bound, rows.get(rows.size() - 1).version());
            }
        }
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            TrackedTable t = live.get(i);
            List<ChangeTrackingReader.VersionedKey> rows = first.get(i);
            if (limit != null && rows.size() >= limit) {
                // the batch ends on a whole version: read the rest of the bounding version too
                rows = reader.changes(t, position, bound, null);
            }
            for (ChangeTrackingReader.VersionedKey k : rows) {
                if (k.version() <= bound) {
                    out.add(new Change(k.version(), t.ref(), k.key()));
                }
            }
        }
        out.sort(Comparator.comparingLong(Change::position));
        return out;
    }

    @Override
    public long head(Connection source) {
        return readers.apply(source).currentVersion();
    }

    @Override
    public Lag lag(Connection source, long position) {
        ChangeTrackingReader reader = readers.apply(source);
        long current = reader.currentVersion();
        long pending = 0;
        long oldest = Long.MAX_VALUE;
        for (TrackedTable t : tracked(reader)) {
            ChangeTrackingReader.Pending p = reader.pending(t, position, current);
            pending += p.count();
            if (p.count() > 0) {
                oldest = Math.min(oldest, p.oldestVersion());
            }
        }
        if (pending == 0) {
            return new Lag(0, 0);
        }
        try (PreparedStatement ps = source.prepareStatement(COMMIT_TIME_AGE)) {
            ps.setLong(1, oldest);
            try (ResultSet rs = ps.executeQuery()) {
                return new Lag(pending, rs.next() ? rs.getLong(1) / 1000.0 : 0);
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to date the oldest pending change "
                    + "(sys.dm_tran_commit_table needs VIEW DATABASE STATE)", e);
        }
    }

    @Override
    public void remove(Connection source) {
        try (Statement st = source.createStatement()) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(TABLES_FERRY_ENABLED)) {
                while (rs.next()) {
                    tables.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            SqlServerDialect dialect = new SqlServerDialect();
            for (String[] t : tables) {
                String qualified = dialect.quote(t[0]) + "." + dialect.quote(t[1]);
                st.execute("ALTER TABLE " + qualified + " DISABLE CHANGE_TRACKING");
                try (PreparedStatement ps = source.prepareStatement("EXEC sys.sp_dropextendedproperty @name = N'" + PROPERTY
                        + "', @level0type = N'SCHEMA', @level0name = ?, @level1type = N'TABLE', @level1name = ?")) {
                    ps.setString(1, t[0]);
                    ps.setString(2, t[1]);
                    ps.execute();
                }
            }
            boolean ferryEnabledDatabase;
            try (ResultSet rs = st.executeQuery(DATABASE_FERRY_ENABLED)) {
                rs.next();
                ferryEnabledDatabase = rs.getInt(1) > 0;
            }
            boolean othersTracked;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sys.change_tracking_tables")) {
                rs.next();
                othersTracked = rs.getInt(1) > 0;
            }
            if (ferryEnabledDatabase && !othersTracked) {
                st.execute("ALTER DATABASE CURRENT SET CHANGE_TRACKING = OFF");
                st.execute("EXEC sys.sp_dropextendedproperty @name = N'" + PROPERTY + "'");
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONFIGURATION, "Unable to disable Change Tracking", e);
        }
    }
}
