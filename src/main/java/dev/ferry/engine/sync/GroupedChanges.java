package dev.ferry.engine.sync;

import dev.ferry.engine.source.Change;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one way Ferry applies a batch of captured changes to the other side, whichever way they go
 * (the sync onto the target, a rollback back onto the source): grouped by table, each table's
 * changed rows read once; rows gone are deleted children first, rows still there written parents
 * first, in one transaction with whatever the caller records beside them. When that order breaks
 * a constraint (a key moved to a row another row just left, a child re-pointed before its old parent
 * went), the batch is applied again change by change in capture order, in one transaction.
 */
public final class GroupedChanges {
    private GroupedChanges() {
    }

    /** What one direction does with a table's changed keys. */
    public interface Side<R> {
        /** Reads the current rows of {@code keys}, or of the whole table when {@code keys} is null (a whole-table change). */
        R read(TableRef table, Set<List<String>> keys) throws SQLException;

        /** Deletes the rows of {@code keys} (every row when null) that {@code rows} lacks. */
        void deleteGone(TableRef table, Set<List<String>> keys, R rows) throws SQLException;

        /** Writes {@code rows}. */
        void write(TableRef table, R rows) throws SQLException;
    }

    /** Work done in the same transaction as the changes. */
    @FunctionalInterface
    public interface Work {
        void run() throws SQLException;
    }

    /**
     * Applies {@code changes} to {@code into} through {@code side} in one transaction, then runs
     * {@code alongside} in it; on a constraint violation replays them change by change.
     *
     * @param parentsFirst the tables in foreign-key order, parents first
     * @param notMigrated  the error for a change to a table outside the migration
     */
    public static <R> void apply(Connection into, List<Change> changes, List<TableRef> parentsFirst, Side<R> side,
                                 Function<TableRef, FerryException> notMigrated, Work alongside) throws SQLException {
        boolean auto = into.getAutoCommit();
        into.setAutoCommit(false);
        try {
            try {
                grouped(changes, parentsFirst, side, notMigrated);
                alongside.run();
                into.commit();
            } catch (SQLException | RuntimeException e) {
                into.rollback();
                if (!isConstraintViolation(e)) {
                    throw e;
                }
                for (Change c : changes) {
                    grouped(List.of(c), parentsFirst, side, notMigrated);
                }
                alongside.run();
                into.commit();
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(into);
            throw e;
        } finally {
            into.setAutoCommit(auto);
        }
    }

    static <R> void grouped(List<Change> changes, List<TableRef> parentsFirst, Side<R> side,
                            Function<TableRef, FerryException> notMigrated) throws SQLException {
        Map<TableRef, Set<List<String>>> keys = new LinkedHashMap<>();
        Set<TableRef> whole = new HashSet<>();
        Set<TableRef> migrated = new HashSet<>(parentsFirst);
        for (Change c : changes) {
            if (!migrated.contains(c.table())) {
                throw notMigrated.apply(c.table());
            }
            Set<List<String>> set = keys.computeIfAbsent(c.table(), t -> new LinkedHashSet<>());
            if (c.isWholeTable()) {
                whole.add(c.table());
            } else {
                set.add(c.key());
            }
        }
        Map<TableRef, R> rows = new LinkedHashMap<>();
        for (TableRef table : parentsFirst) {
            if (keys.containsKey(table)) {
                rows.put(table, side.read(table, whole.contains(table) ? null : keys.get(table)));
            }
        }
        List<TableRef> childrenFirst = new ArrayList<>(parentsFirst);
        Collections.reverse(childrenFirst);
        for (TableRef table : childrenFirst) {
            if (rows.containsKey(table)) {
                side.deleteGone(table, whole.contains(table) ? null : keys.get(table), rows.get(table));
            }
        }
        for (TableRef table : parentsFirst) {
            if (rows.containsKey(table)) {
                side.write(table, rows.get(table));
            }
        }
    }

    /** An integrity constraint violation (SQLSTATE class 23), raw or as Ferry converted it. */
    static boolean isConstraintViolation(Exception e) {
        String state = e instanceof SQLException sql ? sql.getSQLState() : e instanceof FerryException f ? f.sqlState() : null;
        return state != null && state.startsWith("23");
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; nothing was committed
        }
    }
}
