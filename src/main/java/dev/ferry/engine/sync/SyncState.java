package dev.ferry.engine.sync;

import dev.ferry.engine.source.Change;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import dev.ferry.engine.model.TableRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The sync's position and stop request, in the target's {@code ferry.sync_state}, saved with each applied batch. */
public final class SyncState {
    /** The sync the command line and the Functions app use unless told otherwise. */
    public static final String DEFAULT_ID = "default";

    static final String TABLE = """
            CREATE SCHEMA IF NOT EXISTS ferry;
            CREATE TABLE IF NOT EXISTS ferry.sync_state (
                sync_id text PRIMARY KEY,
                position bigint NOT NULL,
                stop_requested boolean NOT NULL DEFAULT false,
                updated_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS ferry.sync_touched (
                sync_id text NOT NULL,
                table_schema text NOT NULL,
                table_name text NOT NULL,
                key_values text[] NOT NULL,
                touched_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (sync_id, table_schema, table_name, key_values))""";

    private SyncState() {
    }

    public static void ensure(Connection target) {
        try (Statement st = target.createStatement()) {
            st.execute(TABLE);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to create ferry.sync_state", e);
        }
    }

    public static void save(Connection target, String syncId, long position) throws SQLException {
        try (PreparedStatement ps = target.prepareStatement("INSERT INTO ferry.sync_state (sync_id, position) VALUES (?, ?) "
                + "ON CONFLICT (sync_id) DO UPDATE SET position = EXCLUDED.position, updated_at = now()")) {
            ps.setString(1, syncId);
            ps.setLong(2, position);
            ps.executeUpdate();
        }
    }

    public static OptionalLong position(Connection target, String syncId) {
        try (PreparedStatement ps = target.prepareStatement("SELECT position FROM ferry.sync_state WHERE sync_id = ?")) {
            ps.setString(1, syncId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to read the sync position", e);
        }
    }

    /**
     * Records the rows {@code changes} touched (in the applying transaction), for the cutover's
     * check of changed rows. Whole-table changes are not recorded: the row counts cover them.
     */
    public static void touch(Connection target, String syncId, List<Change> changes) throws SQLException {
        try (PreparedStatement ps = target.prepareStatement("INSERT INTO ferry.sync_touched (sync_id, table_schema, table_name, "
                + "key_values) VALUES (?, ?, ?, ?) ON CONFLICT (sync_id, table_schema, table_name, key_values) "
                + "DO UPDATE SET touched_at = now()")) {
            for (Change c : changes) {
                if (c.isWholeTable()) {
                    continue;
                }
                ps.setString(1, syncId);
                ps.setString(2, c.table().schema());
                ps.setString(3, c.table().name());
                ps.setArray(4, target.createArrayOf("text", c.key().toArray()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The rows the sync touched, the {@code limit} most recent, by source table; and how many there are in all. */
    public static Touched touched(Connection target, String syncId, int limit) {
        Map<TableRef, List<List<String>>> keys = new LinkedHashMap<>();
        try (PreparedStatement ps = target.prepareStatement("SELECT table_schema, table_name, key_values FROM ferry.sync_touched "
                + "WHERE sync_id = ? ORDER BY touched_at DESC LIMIT ?");
             PreparedStatement count = target.prepareStatement("SELECT count(*) FROM ferry.sync_touched WHERE sync_id = ?")) {
            ps.setString(1, syncId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.computeIfAbsent(new TableRef(rs.getString(1), rs.getString(2)), t -> new ArrayList<>())
                            .add(Arrays.asList((String[]) rs.getArray(3).getArray()));
                }
            }
            count.setString(1, syncId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return new Touched(keys, rs.getLong(1));
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to read the rows the sync changed", e);
        }
    }

    /** Changed rows by source table, and how many the sync touched in all. */
    public record Touched(Map<TableRef, List<List<String>>> keys, long total) {
        public int size() {
            return keys.values().stream().mapToInt(List::size).sum();
        }
    }

    /** Asks a running sync loop (possibly in another process) to stop after its current batch. */
    public static void requestStop(Connection target, String syncId, boolean stop) {
        try (PreparedStatement ps = target.prepareStatement("UPDATE ferry.sync_state SET stop_requested = ? WHERE sync_id = ?")) {
            ps.setBoolean(1, stop);
            ps.setString(2, syncId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to request the sync to stop", e);
        }
    }

    public static boolean stopRequested(Connection target, String syncId) {
        try (PreparedStatement ps = target.prepareStatement("SELECT stop_requested FROM ferry.sync_state WHERE sync_id = ?")) {
            ps.setString(1, syncId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to read the sync state", e);
        }
    }
}
