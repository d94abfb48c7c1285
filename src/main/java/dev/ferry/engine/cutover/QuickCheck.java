package dev.ferry.engine.cutover;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.destination.DdlGenerator;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.convert.TargetTable;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.sync.SyncRunner;
import dev.ferry.engine.sync.SyncState;
import dev.ferry.engine.verify.ChangedRowsCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The check between the last changes and the switch, with writes frozen: row counts of every
 * table, then the rows the sync changed (the most recent {@value #CHANGED_ROWS}) read on both
 * sides and compared as validation compares them.
 */
final class QuickCheck {
    static final int CHANGED_ROWS = 10_000;

    private final TargetSchema forward;
    private final SourceDialect dialect;
    private final SyncRunner sync;
    private final Supplier<Connection> source;
    private final Supplier<Connection> target;
    private final Consumer<String> log;

    QuickCheck(TargetSchema forward, SourceDialect dialect, SyncRunner sync, Supplier<Connection> source, Supplier<Connection> target,
               Consumer<String> log) {
        this.forward = forward;
        this.dialect = dialect;
        this.sync = sync;
        this.source = source;
        this.target = target;
        this.log = log;
    }

    /** What differs, or null when the target is ready to serve. */
    String mismatch() {
        String counts = countMismatch();
        return counts != null ? counts : changedRowsMismatch();
    }

    private String changedRowsMismatch() {
        SyncState.Touched touched = Sides.withResult(target, c -> SyncState.touched(c, sync.syncId(), CHANGED_ROWS));
        List<String> differences = new ChangedRowsCheck(dialect, forward, sync.policy()).differences(touched.keys(), source, target);
        log.accept("Checked " + touched.size() + " changed rows (of " + touched.total() + " the sync changed): "
                + (differences.isEmpty() ? "equal" : differences.size() + " differ"));
        return differences.isEmpty() ? null : differences.size() + " changed rows differ (first: "
                + String.join("; ", differences.subList(0, Math.min(5, differences.size()))) + ")";
    }

    private String countMismatch() {
        for (TargetTable t : forward.tables()) {
            long s = count(source, dialect.rowCount(), dialect.qualified(t.source()));
            long g = count(target, "count(*)", DdlGenerator.q(t.schema()) + "." + DdlGenerator.q(t.name()));
            if (s != g) {
                return t.source() + " has " + s + " rows on the source and " + g + " on the target";
            }
        }
        return null;
    }

    private static long count(Supplier<Connection> side, String aggregate, String table) {
        return Sides.withResult(side, c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + aggregate + " FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to count " + table, e);
            }
        });
    }
}
