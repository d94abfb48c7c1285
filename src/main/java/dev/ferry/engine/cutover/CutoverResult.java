package dev.ferry.engine.cutover;

import java.util.List;

/**
 * How a cutover ended.
 *
 * @param outcome          COMPLETED, ROLLED_BACK, or ABORTED (nothing was switched)
 * @param downtimeMillis   from the write freeze to the target serving (the routing switched)
 * @param writesBroughtBack target writes of the health window applied back to the source on rollback
 */
public record CutoverResult(Outcome outcome, String reason, long downtimeMillis, long rollbackDowntimeMillis,
                            long writesBroughtBack, List<HealthProbe.Result> failedProbes) {
    public static final Outcome COMPLETED = Outcome.COMPLETED;
    public static final Outcome ROLLED_BACK = Outcome.ROLLED_BACK;
    public static final Outcome ABORTED = Outcome.ABORTED;

    /** How a cutover ended. */
    public enum Outcome {
        /** The health window passed: the target serves, the source stays fenced. */
        COMPLETED,
        /** Routing went back to the source with the target's writes; the target stays fenced. */
        ROLLED_BACK,
        /** Stopped before routing moved. */
        ABORTED
    }
}
