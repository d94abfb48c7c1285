package dev.ferry.engine.cutover;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * Operators' approve and rollback requests for a running cutover, in the target's
 * {@code ferry.cutover_request} (so {@code ferry cutover approve} / {@code ferry rollback} work
 * from another shell; the Functions app raises Durable events instead).
 */
public final class CutoverRequests {
    public static final String APPROVE = "approve";
    public static final String ROLLBACK = "rollback";

    private CutoverRequests() {
    }

    public static void ensure(Connection target) {
        try (Statement st = target.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS ferry; CREATE TABLE IF NOT EXISTS ferry.cutover_request ("
                    + "kind text NOT NULL, requested_at timestamptz NOT NULL DEFAULT now())");
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to create ferry.cutover_request", e);
        }
    }

    public static void clear(Connection target) {
        try (Statement st = target.createStatement()) {
            st.execute("DELETE FROM ferry.cutover_request");
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to clear cutover requests", e);
        }
    }

    public static void request(Connection target, String kind) {
        ensure(target);
        try (PreparedStatement ps = target.prepareStatement("INSERT INTO ferry.cutover_request (kind) VALUES (?)")) {
            ps.setString(1, kind);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to request " + kind, e);
        }
    }

    /**
     * Asks the cutover running on this target for {@code kind}; with none running, refuses and
     * records nothing, so no later cutover picks the request up.
     */
    public static void requestOfRunningCutover(Connection target, String kind) {
        if (!CutoverLock.running(target)) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to request " + kind + ": no cutover is running on this target; "
                    + "nothing was requested");
        }
        request(target, kind);
    }

    /** Polls whether {@code kind} was requested. */
    public static java.util.function.BooleanSupplier poll(Supplier<Connection> target, String kind) {
        return () -> {
            try (Connection c = target.get(); PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM ferry.cutover_request WHERE kind = ?")) {
                ps.setString(1, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                return false;
            }
        };
    }
}
