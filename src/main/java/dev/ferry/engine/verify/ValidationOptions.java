package dev.ferry.engine.verify;

import dev.ferry.engine.copy.ValuePolicy;
import java.time.Duration;

/**
 * @param parallelism  tables compared at once (each reads both sides concurrently)
 * @param recheckAfter wait before re-reading differing rows of a live source; zero for no recheck
 * @param maxRows      most differing rows kept per table (totals stay exact up to this cap)
 * @param samples      differing rows listed per table in the report
 */
public record ValidationOptions(ValidationLevel level, int parallelism, Duration recheckAfter, int maxRows, int samples,
                                int fetchSize, ValuePolicy policy) {
    public static ValidationOptions of(ValidationLevel level, ValuePolicy policy) {
        return new ValidationOptions(level, 4, Duration.ZERO, 100_000, 20, 5_000, policy);
    }

    public ValidationOptions withRecheckAfter(Duration d) {
        return new ValidationOptions(level, parallelism, d, maxRows, samples, fetchSize, policy);
    }

    public ValidationOptions withParallelism(int n) {
        return new ValidationOptions(level, n, recheckAfter, maxRows, samples, fetchSize, policy);
    }
}
