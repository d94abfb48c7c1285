package dev.ferry.engine.source.sqlserver;

import java.util.List;

/**
 * What SQL Server's Change Tracking answers, behind one interface so catalog fixtures can stand in
 * for a server in tests. {@link SqlServerChangeTrackingReader} asks a real one.
 */
interface ChangeTrackingReader {
    /** {@code CHANGE_TRACKING_CURRENT_VERSION()}. */
    long currentVersion();

    /** The primary-key columns of every tracked table, with each table's minimum valid version. */
    List<TrackedKeyColumn> trackedKeyColumns();

    /**
     * {@code CHANGE_TRACKING_MIN_VALID_VERSION} of every tracked table, asked again after the changes
     * were read (cleanup may have run meanwhile).
     */
    java.util.Map<dev.ferry.engine.model.TableRef, Long> minValidVersions();

    /**
     * Net changes of {@code table} after version {@code after} up to {@code upTo}, in version
     * order, at most {@code top} of them when {@code top} is not null.
     */
    List<VersionedKey> changes(TrackedTable table, long after, long upTo, Integer top);

    /** How many net changes of {@code table} lie after {@code after} up to {@code upTo}, and the oldest one's version (0 when none). */
    Pending pending(TrackedTable table, long after, long upTo);

    /**
     * Runs {@code work} so that the current version, the minimum valid versions and the changes
     * are read consistently (one snapshot transaction where the database allows snapshot isolation).
     */
    default <T> T consistently(java.util.function.Supplier<T> work) {
        return work.get();
    }

    /** One key column of a tracked table, as the catalog query returns it. */
    record TrackedKeyColumn(String schemaName, String tableName, String columnName, String typeName, int keyOrdinal,
                            Long minValidVersion) {
    }

    /** A count of pending changes and the oldest one's version. */
    record Pending(long count, long oldestVersion) {
    }

    /** A changed row's key, as text, and the version of its last change. */
    record VersionedKey(long version, List<String> key) {
    }
}
