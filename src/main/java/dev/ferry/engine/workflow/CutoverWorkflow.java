package dev.ferry.engine.workflow;

import dev.ferry.engine.cutover.CutoverPolicy;
import dev.ferry.engine.cutover.CutoverResult;
import dev.ferry.engine.cutover.CutoverSteps;
import dev.ferry.engine.cutover.HealthProbe;
import dev.ferry.engine.cutover.HealthVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decisions of a cutover, once, for every runner: preflight, then the switch (freeze, last
 * changes, check, routing), then the health window — probe rounds, each followed by a wait for an
 * operator's approve or rollback raced against a timer — and finally completion or rollback.
 * Deterministic: it acts only through {@link WorkflowPort}, so in Durable Functions the window is
 * durable timers raced against the approve and rollback events, and a crashed host resumes it.
 */
public final class CutoverWorkflow {
    public static final String APPROVE_EVENT = "ApproveCutover";
    public static final String ROLLBACK_EVENT = "Rollback";

    /** Sync rounds before the cutover starts anyway (the switch then drains the rest with writes frozen). */
    public static final int MAX_SYNC_ROUNDS = 120;
    public static final Duration SYNC_INTERVAL = Duration.ofSeconds(5);

    /**
     * The cutover's rules (milliseconds, so the request serializes plainly).
     *
     * @param readyPending the sync is caught up enough to freeze when at most this many changes are pending
     */
    public record Request(long windowMillis, long probeEveryMillis, double maxErrorRate, long maxP95Millis, boolean requireApproval,
                          long readyPending) {
        public static Request of(CutoverPolicy policy) {
            return new Request(policy.window().toMillis(), policy.probeEvery().toMillis(), policy.maxErrorRate(),
                    policy.maxP95Millis(), policy.requireApproval(), policy.maxPendingChanges());
        }
    }

    public CutoverResult run(WorkflowPort port, Request request) {
        status(port, "SYNCING");
        CutoverSteps.SyncProgress sync = port.callActivity(ActivityNames.SYNC_ROUND, request, CutoverSteps.SyncProgress.class).await();
        for (int round = 1; sync.pending() > request.readyPending() && round < MAX_SYNC_ROUNDS; round++) {
            port.sleep(SYNC_INTERVAL);
            sync = port.callActivity(ActivityNames.SYNC_ROUND, request, CutoverSteps.SyncProgress.class).await();
        }
        status(port, "PREFLIGHT");
        CutoverSteps.Preflight preflight = port.callActivity(ActivityNames.CUTOVER_PREFLIGHT, request, CutoverSteps.Preflight.class).await();
        if (preflight.interrupted()) {
            return rollBack(port, new CutoverSteps.RollbackOrder("an earlier cutover was interrupted during its health window", 0,
                    preflight.previousRouting(), preflight.reversePosition()));
        }
        if (preflight.abortReason() != null) {
            status(port, "ABORTED");
            return new CutoverResult(CutoverResult.ABORTED, preflight.abortReason(), 0, 0, 0, List.of());
        }
        status(port, "SWITCHING");
        CutoverSteps.Switched switched = port.callActivity(ActivityNames.CUTOVER_SWITCH, request, CutoverSteps.Switched.class).await();
        if (!switched.switched()) {
            status(port, "ABORTED");
            return new CutoverResult(CutoverResult.ABORTED, switched.abortReason(), 0, 0, 0, List.of());
        }
        status(port, "HEALTH_WINDOW");
        String failure = window(port, request);
        if (failure == null) {
            CutoverResult done = port.callActivity(ActivityNames.CUTOVER_COMPLETE,
                    new CutoverSteps.CompleteOrder(switched.previousRouting(), switched.downtimeMillis()), CutoverResult.class).await();
            status(port, "COMPLETED");
            return done;
        }
        return rollBack(port, new CutoverSteps.RollbackOrder(failure, switched.downtimeMillis(), switched.previousRouting(),
                switched.reversePosition()));
    }

    /** Probe rounds until the window ends; returns why it failed, or null. */
    private static String window(WorkflowPort port, Request request) {
        Instant deadline = port.now().plusMillis(request.windowMillis());
        WorkflowPort.EventListener operators = port.listen(List.of(APPROVE_EVENT, ROLLBACK_EVENT));
        List<HealthProbe.Result> results = new ArrayList<>();
        boolean approved = false;
        while (port.now().isBefore(deadline)) {
            results.addAll(port.callActivity(ActivityNames.CUTOVER_PROBE, request, CutoverSteps.ProbeRound.class).await().results());
            String unhealthy = HealthVerdict.unhealthy(results, request.maxErrorRate(), request.maxP95Millis());
            if (unhealthy != null) {
                return unhealthy;
            }
            Duration left = Duration.between(port.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            Optional<String> event = operators.next(left.compareTo(Duration.ofMillis(request.probeEveryMillis())) < 0
                    ? left : Duration.ofMillis(request.probeEveryMillis()));
            if (event.filter(ROLLBACK_EVENT::equals).isPresent()) {
                return "an operator asked to roll back";
            }
            if (event.filter(APPROVE_EVENT::equals).isPresent()) {
                approved = true;
                if (request.requireApproval()) {
                    return null;
                }
            }
        }
        return request.requireApproval() && !approved ? "no approval before the end of the health window" : null;
    }

    private static CutoverResult rollBack(WorkflowPort port, CutoverSteps.RollbackOrder order) {
        status(port, "ROLLING_BACK");
        CutoverResult result = port.callActivity(ActivityNames.CUTOVER_ROLLBACK, order, CutoverResult.class).await();
        status(port, "ROLLED_BACK");
        return result;
    }

    private static void status(WorkflowPort port, String phase) {
        port.setStatus(new WorkflowStatus(null, "CUTOVER_" + phase, 0, 0, 0, 0, null));
    }
}
