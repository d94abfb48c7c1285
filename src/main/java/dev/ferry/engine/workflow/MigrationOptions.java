package dev.ferry.engine.workflow;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;

/**
 * How a migration runs.
 *
 * @param workers              chunks copied at once
 * @param chunkRows            target rows per chunk
 * @param fetchSize            rows the source driver fetches per round trip
 * @param maxTargetConnections the most connections Ferry opens to the target (a Burstable B1ms
 *                             server allows few); workers are capped to fit, with one for the run lock
 * @param maxAttempts          attempts per chunk for retriable failures
 * @param resume               require an unfinished run to resume
 * @param validate             run the validation at the end
 * @param rowCopy              decode and re-encode every value even PostgreSQL to PostgreSQL (no binary pass-through)
 */
public record MigrationOptions(int workers, int chunkRows, int fetchSize, int maxTargetConnections, int maxAttempts,
                               boolean resume, boolean validate, boolean rowCopy) {
    public static final int DEFAULT_WORKERS = 4;
    public static final int DEFAULT_CHUNK_ROWS = 100_000;

    public MigrationOptions {
        if (workers < 1 || chunkRows < 1 || fetchSize < 1 || maxAttempts < 1) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to run: workers, chunk rows, fetch size and attempts "
                    + "must be at least 1 (got workers=" + workers + ", chunkRows=" + chunkRows + ", fetchSize=" + fetchSize
                    + ", maxAttempts=" + maxAttempts + ")");
        }
        if (maxTargetConnections < 2) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to run: --max-target-connections must be at least 2 "
                    + "(one for the run lock, one for copying), was " + maxTargetConnections);
        }
    }

    public static MigrationOptions defaults() {
        return new MigrationOptions(DEFAULT_WORKERS, DEFAULT_CHUNK_ROWS, 5_000, 10, 5, false, true, false);
    }

    /** Workers after the target connection cap. */
    public int effectiveWorkers() {
        return Math.min(workers, maxTargetConnections - 1);
    }

    public MigrationOptions withWorkers(int n) {
        return new MigrationOptions(n, chunkRows, fetchSize, maxTargetConnections, maxAttempts, resume, validate, rowCopy);
    }

    public MigrationOptions withChunkRows(int n) {
        return new MigrationOptions(workers, n, fetchSize, maxTargetConnections, maxAttempts, resume, validate, rowCopy);
    }

    public MigrationOptions withResume(boolean r) {
        return new MigrationOptions(workers, chunkRows, fetchSize, maxTargetConnections, maxAttempts, r, validate, rowCopy);
    }

    public MigrationOptions withValidate(boolean v) {
        return new MigrationOptions(workers, chunkRows, fetchSize, maxTargetConnections, maxAttempts, resume, v, rowCopy);
    }

    public MigrationOptions withRowCopy(boolean rows) {
        return new MigrationOptions(workers, chunkRows, fetchSize, maxTargetConnections, maxAttempts, resume, validate, rows);
    }

}
