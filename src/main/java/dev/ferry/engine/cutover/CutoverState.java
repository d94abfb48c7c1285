package dev.ferry.engine.cutover;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Where a cutover stands, in the target's {@code ferry.cutover_state}, so a cutover interrupted by a
 * crash is finished cleanly by the next run: SWITCHED is written before routing moves, with the
 * previous routing and the reverse capture's position, so a re-run can always roll back.
 */
public final class CutoverState {
    public static final Phase FROZEN = Phase.FROZEN;
    public static final Phase SWITCHED = Phase.SWITCHED;
    public static final Phase DONE = Phase.DONE;
    public static final Phase ROLLED_BACK = Phase.ROLLED_BACK;
    public static final Phase ABORTED = Phase.ABORTED;

    /** Where a cutover stands; stored by name. */
    public enum Phase {
        /** The source is frozen; routing has not moved (a re-run unfreezes it and starts over). */
        FROZEN,
        /** Routing moved to the target (a re-run rolls back). */
        SWITCHED,
        /** Completed. */
        DONE,
        /** Rolled back; the target stays fenced. */
        ROLLED_BACK,
        /** Stopped before routing moved. */
        ABORTED
    }

    /** A stored state. */
    public record State(Phase phase, String previousRouting, long reversePosition) {
    }

    private CutoverState() {
    }

    public static Optional<State> read(Connection target) {
        ensure(target);
        try (Statement st = target.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT phase, previous_routing, reverse_position FROM ferry.cutover_state WHERE id = 'cutover'")) {
            return rs.next() ? Optional.of(new State(phase(rs.getString(1)), rs.getString(2), rs.getLong(3))) : Optional.empty();
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to read the cutover state", e);
        }
    }

    public static void save(Connection target, State state) {
        ensure(target);
        try (PreparedStatement ps = target.prepareStatement("INSERT INTO ferry.cutover_state (id, phase, previous_routing, "
                + "reverse_position) VALUES ('cutover', ?, ?, ?) ON CONFLICT (id) DO UPDATE SET phase = EXCLUDED.phase, "
                + "previous_routing = EXCLUDED.previous_routing, reverse_position = EXCLUDED.reverse_position, updated_at = now()")) {
            ps.setString(1, state.phase().name());
            ps.setString(2, state.previousRouting());
            ps.setLong(3, state.reversePosition());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to record the cutover state " + state.phase(), e);
        }
    }

    private static Phase phase(String stored) {
        try {
            return Phase.valueOf(stored);
        } catch (IllegalArgumentException e) {
            throw new FerryException(ErrorCode.CUTOVER, "Unable to read the cutover state: unknown phase '" + stored
                    + "' in ferry.cutover_state", e);
        }
    }

    private static void ensure(Connection target) {
        try (Statement st = target.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS ferry; CREATE TABLE IF NOT EXISTS ferry.cutover_state (id text PRIMARY KEY, "
                    + "phase text NOT NULL, previous_routing text, reverse_position bigint NOT NULL DEFAULT 0, "
                    + "updated_at timestamptz NOT NULL DEFAULT now())");
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to create ferry.cutover_state", e);
        }
    }
}
