package dev.ferry.engine.source;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.Table;
import java.sql.Connection;
import java.util.List;

/**
 * Change capture on a source, from a position on. One implementation per dialect, in its package:
 * trigger-based change logs for PostgreSQL and H2 (installed and removed by Ferry), Change Tracking
 * for SQL Server.
 *
 * <p>Two kinds of position exist. Change Tracking's versions are taken at commit, so "after the
 * last applied version" never misses a change. A trigger log's positions are taken when the row is
 * written, so a transaction holding a lower position can commit after a higher one was applied: a
 * trigger log therefore hands out every change not yet {@linkplain #consumed consumed}, whatever its
 * position, and forgets a change only once it was applied.
 */
public interface ChangeCapture {
    /** Starts capturing changes of {@code tables} (idempotent); returns the position before any captured change. */
    long install(Connection source, List<Table> tables);

    /**
     * Up to {@code limit} changes not yet consumed (trigger logs) or after {@code position} (Change
     * Tracking), in order. A batch may run a little over {@code limit} to end on a whole version.
     * A table whose changes can no longer be read (Change Tracking cleaned them up) comes as one
     * {@linkplain Change#wholeTable whole-table change}: the sync then re-synchronizes the table.
     */
    List<Change> changesAfter(Connection source, long position, int limit);

    /**
     * The position of the newest change committed now: the highest position a trigger log holds
     * (0 when it holds none), or Change Tracking's current version. Every change committed before
     * this call has a position at or below it; {@code SyncRunner.drain} stops once it reached it.
     */
    long head(Connection source);

    /**
     * This capture reading the changes of {@code tables} (the migrated ones) only. Trigger logs hold
     * only the tables they were installed on and return themselves; Change Tracking covers every
     * tracked table of the database, other applications' and excluded ones included.
     */
    default ChangeCapture scopedTo(java.util.Set<dev.ferry.engine.model.TableRef> tables) {
        return this;
    }

    /** Forgets {@code changes}, which were applied and committed on the other side. */
    default void consumed(Connection source, List<Change> changes) {
    }

    /** Changes not yet applied, and the age in seconds of the oldest (0 when none). */
    Lag lag(Connection source, long position);

    /** Stops capturing and drops what Ferry installed. */
    void remove(Connection source);

    /** The columns a trigger log names {@code table}'s rows by: its copy key, which it must have. */
    static List<String> rowKey(Table table) {
        List<String> key = table.copyKey();
        if (key.isEmpty()) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to capture changes of " + table.ref()
                    + ": it has no primary key or unique NOT NULL key to name its rows by");
        }
        return key;
    }

    /** Pending changes and how old the oldest is. */
    record Lag(long pending, double seconds) {
    }
}
