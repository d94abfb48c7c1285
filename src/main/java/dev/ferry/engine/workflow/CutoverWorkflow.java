package dev.ferry.engine.workflow;

import dev.ferry.engine.cutover.CutoverPolicy;
import dev.ferry.engine.cutover.CutoverResult;
import dev.ferry.engine.cutover.CutoverSteps;
import dev.ferry.engine.cutover.HealthProbe;
import dev.ferry.engine.cutover.HealthVerdict;
import dev.ferry.engine.cutover.TimelineEntry;
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
    public static final String START_EVENT = "StartCutover";
    /** With {@code waitForGo}: how long the sync keeps the target in step waiting for the go, and how often it syncs meanwhile. */
    public static final Duration MAX_GO_WAIT = Duration.ofHours(24);
    public static final Duration GO_SYNC_INTERVAL = Duration.ofMinutes(1);

    /** Sync rounds before the cutover starts anyway (the switch then drains the rest with writes frozen). */
    public static final int MAX_SYNC_ROUNDS = 120;
    public static final Duration SYNC_INTERVAL = Duration.ofSeconds(5);

    /**
     * The cutover's rules (milliseconds, so the request serializes plainly).
     *
     * @param readyPending the sync is caught up enough to freeze when at most this many changes are pending
     * @param waitForGo    keep syncing after catching up until an operator's {@value #START_EVENT} (at most {@link #MAX_GO_WAIT})
     */
    public record Request(long windowMillis, long probeEveryMillis, double maxErrorRate, long maxP95Millis, boolean requireApproval,
                          long readyPending, boolean waitForGo) {
        public static Request of(CutoverPolicy policy) {
            return new Request(policy.window().toMillis(), policy.probeEvery().toMillis(), policy.maxErrorRate(),
                    policy.maxP95Millis(), policy.requireApproval(), policy.maxPendingChanges(), false);
        }

        public Request withWaitForGo(boolean wait) {
            return new Request(windowMillis, probeEveryMillis, maxErrorRate, maxP95Millis, requireApproval, readyPending, wait);
        }
    }

    /** Runs the cutover; its result carries the timeline of what happened when, on the port's clock. */
    public CutoverResult run(WorkflowPort port, Request request) {
        Timeline timeline = new Timeline(port);
        CutoverResult result = decide(port, request, timeline);
        timeline.add(result.outcome() == CutoverResult.COMPLETED ? "cutover completed"
                : result.outcome() == CutoverResult.ROLLED_BACK ? "rolled back" : "cutover not started",
                result.outcome() == CutoverResult.COMPLETED, result.outcome() == CutoverResult.ROLLED_BACK
                        ? result.writesBroughtBack() + " target writes brought back in " + result.rollbackDowntimeMillis() + " ms: "
                        + result.reason() : result.reason());
        return result.withTimeline(timeline.entries);
    }

    /** What happened when, in milliseconds after the cutover started on the port's (replay-safe) clock. */
    private static final class Timeline {
        private final WorkflowPort port;
        private final Instant start;
        private final List<TimelineEntry> entries = new ArrayList<>();

        Timeline(WorkflowPort port) {
            this.port = port;
            this.start = port.now();
        }

        long now() {
            return Duration.between(start, port.now()).toMillis();
        }

        void add(String step, boolean ok, String detail) {
            entries.add(new TimelineEntry(step, now(), ok, detail));
        }
    }

    private CutoverResult decide(WorkflowPort port, Request request, Timeline timeline) {
        // one listener for the whole cutover: a second one would leave waiters that take later events
        WorkflowPort.EventListener operators = port.listen(List.of(START_EVENT, APPROVE_EVENT, ROLLBACK_EVENT));
        status(port, Phase.SYNCING);
        CutoverSteps.SyncProgress sync = port.callActivity(ActivityNames.SYNC_ROUND, request, CutoverSteps.SyncProgress.class).await();
        int rounds = 1;
        for (; sync.pending() > request.readyPending() && rounds < MAX_SYNC_ROUNDS; rounds++) {
            port.sleep(SYNC_INTERVAL);
            sync = port.callActivity(ActivityNames.SYNC_ROUND, request, CutoverSteps.SyncProgress.class).await();
        }
        timeline.add("sync", sync.pending() <= request.readyPending(), rounds + " rounds; " + sync.pending() + " changes pending");
        if (request.waitForGo()) {
            Optional<String> stopped = waitForGo(port, request, operators);
            if (stopped.isPresent()) {
                status(port, Phase.ABORTED);
                return new CutoverResult(CutoverResult.ABORTED, stopped.get(), 0, 0, 0, List.of());
            }
        }
        status(port, Phase.PREFLIGHT);
        CutoverSteps.Preflight preflight = port.callActivity(ActivityNames.CUTOVER_PREFLIGHT, request, CutoverSteps.Preflight.class).await();
        timeline.add("preflight", preflight.abortReason() == null && !preflight.interrupted(), preflight.interrupted()
                ? "an earlier cutover was interrupted during its window" : preflight.abortReason() != null ? preflight.abortReason()
                : "lag within limits, probes pass, the fences can hold");
        if (preflight.interrupted()) {
            return rollBack(port, new CutoverSteps.RollbackOrder("an earlier cutover was interrupted during its health window", 0,
                    preflight.previousRouting(), preflight.reversePosition()));
        }
        if (preflight.abortReason() != null) {
            status(port, Phase.ABORTED);
            return new CutoverResult(CutoverResult.ABORTED, preflight.abortReason(), 0, 0, 0, List.of());
        }
        status(port, Phase.SWITCHING);
        long switchAt = timeline.now();
        CutoverSteps.Switched switched = port.callActivity(ActivityNames.CUTOVER_SWITCH, request, CutoverSteps.Switched.class).await();
        switched.steps().forEach(step -> timeline.entries.add(step.after(switchAt)));
        if (!switched.switched()) {
            status(port, Phase.ABORTED);
            return new CutoverResult(CutoverResult.ABORTED, switched.abortReason(), 0, 0, 0, List.of());
        }
        status(port, Phase.HEALTH_WINDOW);
        Optional<String> failure = window(port, request, operators, timeline);
        if (failure.isEmpty()) {
            CutoverResult done = port.callActivity(ActivityNames.CUTOVER_COMPLETE,
                    new CutoverSteps.CompleteOrder(switched.previousRouting(), switched.downtimeMillis()), CutoverResult.class).await();
            status(port, Phase.COMPLETED);
            return done;
        }
        return rollBack(port, new CutoverSteps.RollbackOrder(failure.get(), switched.downtimeMillis(), switched.previousRouting(),
                switched.reversePosition()));
    }

    /** Probe rounds until the window ends; returns why it failed, or empty when it passed. */
    private static Optional<String> window(WorkflowPort port, Request request, WorkflowPort.EventListener operators, Timeline timeline) {
        Instant deadline = port.now().plusMillis(request.windowMillis());
        List<HealthProbe.Result> results = new ArrayList<>();
        boolean approved = false;
        for (int round = 1; port.now().isBefore(deadline); round++) {
            List<HealthProbe.Result> now = port.callActivity(ActivityNames.CUTOVER_PROBE, request, CutoverSteps.ProbeRound.class).await()
                    .results();
            results.addAll(now);
            timeline.add("probe round " + round, now.stream().allMatch(HealthProbe.Result::ok), now.stream()
                    .map(r -> r.probe() + " " + (r.ok() ? "ok" : r.message()) + " " + r.millis() + " ms")
                    .collect(java.util.stream.Collectors.joining("; ")));
            Optional<String> unhealthy = HealthVerdict.unhealthy(results, request.maxErrorRate(), request.maxP95Millis());
            if (unhealthy.isPresent()) {
                timeline.add("health window failed", false, unhealthy.get());
                return unhealthy;
            }
            Duration left = Duration.between(port.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            Optional<String> event = operators.next(left.compareTo(Duration.ofMillis(request.probeEveryMillis())) < 0
                    ? left : Duration.ofMillis(request.probeEveryMillis()));
            if (event.filter(ROLLBACK_EVENT::equals).isPresent()) {
                timeline.add("rollback requested", false, "by an operator");
                return Optional.of("an operator asked to roll back");
            }
            if (event.filter(APPROVE_EVENT::equals).isPresent()) {
                approved = true;
                timeline.add("approved", true, "by an operator");
                if (request.requireApproval()) {
                    return Optional.empty();
                }
            }
        }
        return request.requireApproval() && !approved ? Optional.of("no approval before the end of the health window") : Optional.empty();
    }

    /** Syncs every minute until the go; returns why the cutover stops instead, or empty on the go. */
    private static Optional<String> waitForGo(WorkflowPort port, Request request, WorkflowPort.EventListener operators) {
        status(port, Phase.WAITING_FOR_GO);
        Instant deadline = port.now().plus(MAX_GO_WAIT);
        while (port.now().isBefore(deadline)) {
            Optional<String> event = operators.next(GO_SYNC_INTERVAL);
            if (event.filter(START_EVENT::equals).isPresent()) {
                return Optional.empty();
            }
            if (event.filter(ROLLBACK_EVENT::equals).isPresent()) {
                return Optional.of("an operator cancelled the cutover before it started; the sync's capture stays installed");
            }
            port.callActivity(ActivityNames.SYNC_ROUND, request, CutoverSteps.SyncProgress.class).await();
        }
        return Optional.of("no go within " + MAX_GO_WAIT.toHours() + " h; the sync's capture stays installed");
    }

    private static CutoverResult rollBack(WorkflowPort port, CutoverSteps.RollbackOrder order) {
        status(port, Phase.ROLLING_BACK);
        CutoverResult result = port.callActivity(ActivityNames.CUTOVER_ROLLBACK, order, CutoverResult.class).await();
        status(port, Phase.ROLLED_BACK);
        return result;
    }

    /** The cutover's phases; operators see each as its {@link RunPhase} ({@code CUTOVER_} and the name). */
    public enum Phase {
        SYNCING(RunPhase.CUTOVER_SYNCING), WAITING_FOR_GO(RunPhase.CUTOVER_WAITING_FOR_GO), PREFLIGHT(RunPhase.CUTOVER_PREFLIGHT),
        SWITCHING(RunPhase.CUTOVER_SWITCHING), HEALTH_WINDOW(RunPhase.CUTOVER_HEALTH_WINDOW), COMPLETED(RunPhase.CUTOVER_COMPLETED),
        ROLLING_BACK(RunPhase.CUTOVER_ROLLING_BACK), ROLLED_BACK(RunPhase.CUTOVER_ROLLED_BACK), ABORTED(RunPhase.CUTOVER_ABORTED);

        private final RunPhase status;

        Phase(RunPhase status) {
            this.status = status;
        }

        /** The phase operators see in the status. */
        public RunPhase status() {
            return status;
        }
    }

    private static void status(WorkflowPort port, Phase phase) {
        port.setStatus(new WorkflowStatus(null, phase.status(), 0, 0, 0, 0, null));
    }
}
