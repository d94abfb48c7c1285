package dev.ferry.engine.verify;

import dev.ferry.engine.Pause;
import dev.ferry.engine.config.ValuePolicy;
import java.time.Duration;

/**
 * @param parallelism  tables compared at once (each reads both sides concurrently)
 * @param recheckAfter wait before re-reading differing rows of a live source; zero for no recheck
 * @param maxRows      most differing rows kept per table (totals stay exact up to this cap)
 * @param samples      differing rows listed per table in the report
 * @param recheckPause how the wait before a recheck is made (a real sleep unless a test says otherwise)
 */
public record ValidationOptions(ValidationLevel level, int parallelism, Duration recheckAfter, int maxRows, int samples,
                                int fetchSize, ValuePolicy policy, Pause recheckPause) {
    public static ValidationOptions of(ValidationLevel level, ValuePolicy policy) {
        return new ValidationOptions(level, 4, Duration.ZERO, 100_000, 20, 5_000, policy, Pause.sleeping());
    }

    public ValidationOptions withRecheckAfter(Duration d) {
        return new ValidationOptions(level, parallelism, d, maxRows, samples, fetchSize, policy, recheckPause);
    }

    public ValidationOptions withParallelism(int n) {
        return new ValidationOptions(level, n, recheckAfter, maxRows, samples, fetchSize, policy, recheckPause);
    }

    /** Waits before a recheck through {@code pause}. */
    public ValidationOptions withRecheckPause(Pause pause) {
        return new ValidationOptions(level, parallelism, recheckAfter, maxRows, samples, fetchSize, policy, pause);
    }
}
