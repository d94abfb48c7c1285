package dev.ferry.engine.journal;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A session advisory lock on the target, held on a dedicated connection for as long as something
 * runs there. It goes away with the connection, so a killed run never leaves it behind.
 */
public final class AdvisoryLock implements AutoCloseable {
    static final String HOLDER = "SELECT l.pid, a.backend_start FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
            + "WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND ((l.classid::bigint << 32) | l.objid::bigint) = ?";

    private final Connection connection;
    private final long key;

    private AdvisoryLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * Takes lock {@code key} on {@code connection} (which the lock then owns), or refuses with
     * {@code refusal} followed by the holder's backend and the time it connected.
     */
    public static AdvisoryLock acquire(Connection connection, long key, String refusal) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return new AdvisoryLock(connection, key);
                }
            }
            String holder = holder(connection, key).orElse("");
            connection.close();
            throw new FerryException(ErrorCode.CONCURRENT_RUN, refusal + holder);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to take an advisory lock on the target", e);
        }
    }

    /** Whether someone holds lock {@code key} on this database now. */
    public static boolean held(Connection connection, long key) {
        try {
            return holder(connection, key).isPresent();
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read the target's advisory locks", e);
        }
    }

    private static java.util.Optional<String> holder(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HOLDER)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(" (backend pid " + rs.getInt(1) + ", connected " + rs.getString(2) + ")")
                        : java.util.Optional.empty();
            }
        }
    }

    @Override
    public void close() {
        // unlock explicitly: a closed session's locks go only when its backend has exited, and a pooled one outlives the run
        try (connection; PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        } catch (SQLException e) {
            // a broken session releases the lock when its backend ends
        }
    }
}
