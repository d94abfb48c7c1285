package dev.ferry.engine.journal;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One Ferry run per target at a time: a session advisory lock held on a dedicated connection for
 * the whole run. It goes away with the connection, so a killed run never leaves it behind.
 */
public final class TargetLock implements AutoCloseable {
    /** "FERRYRUN" as a number. */
    static final long KEY = 0x4645525259_52554EL & Long.MAX_VALUE;

    private final Connection connection;

    private TargetLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock on {@code connection} (which the lock then owns) or refuses, naming the holder. */
    public static TargetLock acquire(Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return new TargetLock(connection);
                }
            }
            String holder = holder(connection);
            connection.close();
            throw new FerryException(ErrorCode.CONCURRENT_RUN, "Unable to start: another Ferry run is working on this target"
                    + holder + ". Wait for it to finish, or stop it; a stopped run resumes where it left off.");
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to take the run lock on the target", e);
        }
    }

    private static String holder(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT l.pid, a.client_addr, a.backend_start FROM pg_locks l "
                + "LEFT JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                + "AND ((l.classid::bigint << 32) | l.objid::bigint) = ?")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? " (backend pid " + rs.getInt(1) + ", connected " + rs.getString(3) + ")" : "";
            }
        }
    }

    @Override
    public void close() {
        // unlock explicitly: a closed session's locks go only when its backend has exited, a moment later
        try (connection; PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
        } catch (SQLException e) {
            // a broken session releases the lock when its backend ends
        }
    }
}
