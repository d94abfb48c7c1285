package dev.ferry.engine.cutover;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A cutover running in-process ({@code ferry cutover}) holds this session advisory lock on the
 * target for its whole run: a second cutover on the same target is refused, and {@code ferry
 * rollback} / {@code ferry cutover approve} can tell that no cutover is running instead of leaving a
 * request behind for a later one. The lock goes away with the session, so a killed run never keeps it.
 */
public final class CutoverLock implements AutoCloseable {
    /** "FERRYCUT" as a number. */
    static final long KEY = 0x4645525259_435554L & Long.MAX_VALUE;
    static final String HELD = "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted "
            + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND ((classid::bigint << 32) | objid::bigint) = ?)";

    private final Connection connection;

    private CutoverLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock on {@code connection} (which the lock then owns), or refuses: another cutover runs on this target. */
    public static CutoverLock acquire(Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return new CutoverLock(connection);
                }
            }
            connection.close();
            throw new FerryException(ErrorCode.CONCURRENT_RUN, "Unable to start the cutover: another cutover is running on this target");
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to take the cutover lock on the target", e);
        }
    }

    /** Whether a cutover holds the lock on this target now. */
    public static boolean running(Connection target) {
        try (PreparedStatement ps = target.prepareStatement(HELD)) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to find out whether a cutover is running", e);
        }
    }

    @Override
    public void close() {
        // unlock explicitly: a pooled connection outlives this run
        try (connection; PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
        } catch (SQLException e) {
            // a broken session releases the lock when its backend ends
        }
    }
}
