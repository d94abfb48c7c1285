package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.source.CatalogQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** {@link ChangeTrackingReader} over a live SQL Server or Azure SQL connection. */
final class SqlServerChangeTrackingReader implements ChangeTrackingReader {
    static final String CURRENT_VERSION = "SELECT CHANGE_TRACKING_CURRENT_VERSION()";
    /**
     * The key columns of the tracked tables. The type comes from sys.types by user_type_id:
     * TYPE_NAME(system_type_id) is NULL for hierarchyid, geometry and geography, which share system
     * type 240 (issue 14.10); an alias type is named by its base type.
     */
    static final String TRACKED_KEY_COLUMNS = """
            SELECT s.name AS schema_name, t.name AS table_name, c.name AS column_name,
                   CASE WHEN ty.is_user_defined = 0 OR ty.is_assembly_type = 1 THEN ty.name
                        ELSE TYPE_NAME(c.system_type_id) END AS type_name, ic.key_ordinal AS key_ordinal,
                   CHANGE_TRACKING_MIN_VALID_VERSION(t.object_id) AS min_valid_version
            FROM sys.change_tracking_tables ctt
            JOIN sys.tables t ON t.object_id = ctt.object_id
            JOIN sys.schemas s ON s.schema_id = t.schema_id
            JOIN sys.indexes i ON i.object_id = t.object_id AND i.is_primary_key = 1
            JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.key_ordinal > 0
            JOIN sys.columns c ON c.object_id = t.object_id AND c.column_id = ic.column_id
            JOIN sys.types ty ON ty.user_type_id = c.user_type_id
            ORDER BY s.name, t.name, ic.key_ordinal""";
    static final String MIN_VALID_VERSIONS = """
            SELECT s.name, t.name, CHANGE_TRACKING_MIN_VALID_VERSION(t.object_id) FROM sys.change_tracking_tables ctt
            JOIN sys.tables t ON t.object_id = ctt.object_id JOIN sys.schemas s ON s.schema_id = t.schema_id""";

    static final String SNAPSHOT_ALLOWED = "SELECT snapshot_isolation_state FROM sys.databases WHERE database_id = DB_ID()";
    /** {@code SQLServerConnection.TRANSACTION_SNAPSHOT}. */
    static final int TRANSACTION_SNAPSHOT = 4096;

    private final Connection connection;

    SqlServerChangeTrackingReader(Connection connection) {
        this.connection = connection;
    }

    /**
     * Microsoft's pattern for Change Tracking readers: version and changes in one snapshot
     * transaction, so a change committing meanwhile is either wholly in or wholly after the batch.
     * Without ALLOW_SNAPSHOT_ISOLATION the reads run under the connection's default isolation.
     */
    @Override
    public <T> T consistently(java.util.function.Supplier<T> work) {
        try {
            boolean snapshot;
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(SNAPSHOT_ALLOWED)) {
                snapshot = rs.next() && rs.getInt(1) == 1;
            }
            if (!snapshot) {
                return work.get();
            }
            boolean auto = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setTransactionIsolation(TRANSACTION_SNAPSHOT);
            connection.setAutoCommit(false);
            try {
                T result = work.get();
                connection.commit();
                return result;
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                connection.setAutoCommit(auto);
                connection.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read changes in a snapshot transaction", e);
        }
    }

    @Override
    public long currentVersion() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(CURRENT_VERSION)) {
            rs.next();
            long v = rs.getLong(1);
            if (rs.wasNull()) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to read changes: Change Tracking is not enabled on the database");
            }
            return v;
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read the Change Tracking version", e);
        }
    }

    @Override
    public List<TrackedKeyColumn> trackedKeyColumns() {
        return CatalogQuery.list(connection, TRACKED_KEY_COLUMNS, TrackedKeyColumn.class);
    }

    @Override
    public java.util.Map<dev.ferry.engine.model.TableRef, Long> minValidVersions() {
        java.util.Map<dev.ferry.engine.model.TableRef, Long> out = new java.util.HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(MIN_VALID_VERSIONS)) {
            while (rs.next()) {
                out.put(new dev.ferry.engine.model.TableRef(rs.getString(1), rs.getString(2)), rs.getLong(3));
            }
            return out;
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read Change Tracking's minimum valid versions", e);
        }
    }

    @Override
    public Pending pending(TrackedTable table, long after, long upTo) {
        try (PreparedStatement ps = connection.prepareStatement(table.pendingQuery())) {
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Pending(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to count the pending changes of " + table.ref(), e);
        }
    }

    @Override
    public List<VersionedKey> changes(TrackedTable table, long after, long upTo, Integer top) {
        List<VersionedKey> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(table.changesQuery(top))) {
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> key = new ArrayList<>();
                    for (int i = 0; i < table.keyColumns().size(); i++) {
                        key.add(rs.getString(i + 2));
                    }
                    out.add(new VersionedKey(rs.getLong(1), key));
                }
            }
            return out;
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read the changes of " + table.ref(), e);
        }
    }
}
