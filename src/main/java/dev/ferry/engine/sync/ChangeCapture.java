package dev.ferry.engine.sync;

import dev.ferry.engine.model.Table;
import java.sql.Connection;
import java.util.List;

/**
 * Change capture on a source, from a position on. One implementation per dialect, in its package:
 * trigger-based change log tables for PostgreSQL (installed and removed by Ferry); SQL Server's
 * Change Tracking is the planned one for SQL Server.
 */
public interface ChangeCapture {
    /** Starts capturing changes of {@code tables} (idempotent); returns the position before any captured change. */
    long install(Connection source, List<Table> tables);

    /** Up to {@code limit} changes after {@code position}, in order. */
    List<Change> changesAfter(Connection source, long position, int limit);

    /** Changes after {@code position} not yet applied, and the age in seconds of the oldest (0 when none). */
    Lag lag(Connection source, long position);

    /** Stops capturing and drops what Ferry installed. */
    void remove(Connection source);

    /** Pending changes and how old the oldest is. */
    record Lag(long pending, double seconds) {
    }
}
