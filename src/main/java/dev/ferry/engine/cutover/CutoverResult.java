package dev.ferry.engine.cutover;

import java.util.List;

/**
 * How a cutover ended.
 *
 * @param outcome          COMPLETED, ROLLED_BACK, or ABORTED (nothing was switched)
 * @param downtimeMillis   from the write freeze to the target serving (the routing switched)
 * @param writesBroughtBack target writes of the health window applied back to the source on rollback
 * @param timeline         what happened when, for the report
 * @param leftToSource     on rollback, the source columns not written back because the source computes them
 *                         itself ({@code schema.table.column: why}: rowversion, computed, period columns)
 */
public record CutoverResult(Outcome outcome, String reason, long downtimeMillis, long rollbackDowntimeMillis,
                            long writesBroughtBack, List<HealthProbe.Result> failedProbes, List<TimelineEntry> timeline,
                            List<String> leftToSource) {
    public CutoverResult {
        failedProbes = failedProbes == null ? List.of() : List.copyOf(failedProbes);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        leftToSource = leftToSource == null ? List.of() : List.copyOf(leftToSource);
    }

    public CutoverResult(Outcome outcome, String reason, long downtimeMillis, long rollbackDowntimeMillis,
                         long writesBroughtBack, List<HealthProbe.Result> failedProbes, List<TimelineEntry> timeline) {
        this(outcome, reason, downtimeMillis, rollbackDowntimeMillis, writesBroughtBack, failedProbes, timeline, List.of());
    }

    /** A result without a timeline yet (the workflow adds it). */
    public CutoverResult(Outcome outcome, String reason, long downtimeMillis, long rollbackDowntimeMillis, long writesBroughtBack,
                         List<HealthProbe.Result> failedProbes) {
        this(outcome, reason, downtimeMillis, rollbackDowntimeMillis, writesBroughtBack, failedProbes, List.of());
    }

    /** This result with the cutover's timeline. */
    public CutoverResult withTimeline(List<TimelineEntry> entries) {
        return new CutoverResult(outcome, reason, downtimeMillis, rollbackDowntimeMillis, writesBroughtBack, failedProbes, entries,
                leftToSource);
    }

    /** This result naming the source columns a rollback left to the source. */
    public CutoverResult withLeftToSource(List<String> columns) {
        return new CutoverResult(outcome, reason, downtimeMillis, rollbackDowntimeMillis, writesBroughtBack, failedProbes, timeline,
                columns);
    }

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
