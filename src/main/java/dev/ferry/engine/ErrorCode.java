package dev.ferry.engine;

/**
 * Every way a Ferry run can fail. Each code carries the process exit code the command line uses
 * and whether repeating the same step may succeed.
 */
public enum ErrorCode {
    /** A database could not be reached or the connection broke. */
    CONNECTION(10, true),
    /** The source catalog could not be read or held something Ferry cannot model. */
    INTROSPECTION(11, false),
    /** A column type has no PostgreSQL mapping and no override in the config. */
    UNSUPPORTED_TYPE(12, false),
    /** A schema feature Ferry cannot convert exactly (a default on a free sequence, a partitioned table, ...). */
    UNSUPPORTED_FEATURE(21, false),
    /** Two source objects would get the same PostgreSQL name. */
    NAME_COLLISION(13, false),
    /** Generated DDL failed on the target. */
    DDL(14, false),
    /** Rows could not be copied. */
    COPY(15, true),
    /** A value cannot be stored on the target without changing it. */
    DATA(16, false),
    /** Source and target differ. */
    VALIDATION_MISMATCH(1, false),
    /** The switch to the target failed. */
    CUTOVER(17, false),
    /** Returning to the source failed. */
    ROLLBACK(18, false),
    /** The application's queries answer the same on both sides, but some miss their latency budget on the target. */
    QUERY_BUDGET(3, false),
    /** The command line, config file or environment is wrong. */
    CONFIGURATION(2, false),
    /** Writing an output file failed. */
    IO(19, false),
    /** Another Ferry run holds this target. */
    CONCURRENT_RUN(20, false);

    private final int exitCode;
    private final boolean retriable;

    ErrorCode(int exitCode, boolean retriable) {
        this.exitCode = exitCode;
        this.retriable = retriable;
    }

    public int exitCode() {
        return exitCode;
    }

    public boolean retriable() {
        return retriable;
    }
}
