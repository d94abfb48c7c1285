package dev.ferry.engine.cutover;

import java.util.List;

/**
 * How a cutover ended.
 *
 * @param outcome          COMPLETED, ROLLED_BACK, or ABORTED (nothing was switched)
 * @param downtimeMillis   from the write freeze to the target serving (the routing switched)
 * @param writesBroughtBack target writes of the health window applied back to the source on rollback
 */
public record CutoverResult(String outcome, String reason, long downtimeMillis, long rollbackDowntimeMillis,
                            long writesBroughtBack, List<HealthProbe.Result> failedProbes) {
    public static final String COMPLETED = "COMPLETED";
    public static final String ROLLED_BACK = "ROLLED_BACK";
    public static final String ABORTED = "ABORTED";
}
