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
    public static final String FROZEN = "FROZEN";
    public static final String SWITCHED = "SWITCHED";
    public static final String DONE = "DONE";
    public static final String ROLLED_BACK = "ROLLED_BACK";
    public static final String ABORTED = "ABORTED";

    /** A stored state. */
    public record State(String phase, String previousRouting, long reversePosition) {
    }

    private CutoverState() {
    }

    public static Optional<State> read(Connection target) {
        ensure(target);
        try (Statement st = target.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT phase, previous_routing, reverse_position FROM ferry.cutover_state WHERE id = 'cutover'")) {
            return rs.next() ? Optional.of(new State(rs.getString(1), rs.getString(2), rs.getLong(3))) : Optional.empty();
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to read the cutover state", e);
        }
    }

    public static void save(Connection target, State state) {
        ensure(target);
        try (PreparedStatement ps = target.prepareStatement("INSERT INTO ferry.cutover_state (id, phase, previous_routing, "
                + "reverse_position) VALUES ('cutover', ?, ?, ?) ON CONFLICT (id) DO UPDATE SET phase = EXCLUDED.phase, "
                + "previous_routing = EXCLUDED.previous_routing, reverse_position = EXCLUDED.reverse_position, updated_at = now()")) {
            ps.setString(1, state.phase());
            ps.setString(2, state.previousRouting());
            ps.setLong(3, state.reversePosition());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to record the cutover state " + state.phase(), e);
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
