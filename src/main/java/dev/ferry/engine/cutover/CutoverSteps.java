package dev.ferry.engine.cutover;

import java.util.List;

/**
 * The messages between the cutover's decisions ({@code CutoverWorkflow}) and its steps
 * ({@link CutoverRunner}), which run as activities: small, serializable, no connections.
 */
public final class CutoverSteps {
    private CutoverSteps() {
    }

    /**
     * Before the freeze. {@code interrupted}: an earlier cutover was interrupted after routing moved,
     * so it must be rolled back with the previous routing and reverse position given here.
     */
    public record Preflight(boolean interrupted, String abortReason, String previousRouting, long reversePosition) {
    }

    /**
     * The switch: routing moved when {@code switched}, after writes were frozen for {@code downtimeMillis};
     * {@code steps} are its own moments, in milliseconds after the freeze.
     */
    public record Switched(boolean switched, String abortReason, long downtimeMillis, String previousRouting, long reversePosition,
                           List<TimelineEntry> steps) {
        public Switched {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /** A sync round: changes applied, and the lag left. */
    public record SyncProgress(long applied, long pending, double seconds) {
    }

    /** One round of health probes. */
    public record ProbeRound(List<HealthProbe.Result> results) {
    }

    /** Why and from where to roll back. */
    public record RollbackOrder(String reason, long downtimeMillis, String previousRouting, long reversePosition) {
    }

    /** A passed window: remove the captures and record the cutover done. */
    public record CompleteOrder(String previousRouting, long downtimeMillis) {
    }
}
