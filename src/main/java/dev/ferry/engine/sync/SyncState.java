package dev.ferry.engine.sync;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
                updated_at timestamptz NOT NULL DEFAULT now())""";

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
