package dev.ferry.engine.workflow;

import dev.ferry.engine.cutover.CutoverLock;
import dev.ferry.engine.cutover.CutoverResult;
import dev.ferry.engine.cutover.CutoverRunner;
import dev.ferry.engine.cutover.CutoverSteps;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A cutover run in-process, as the command line and the demo run it: {@link CutoverWorkflow} over
 * {@link CutoverRunner}'s steps on a {@link LocalWorkflowPort}, with the window's approve and
 * rollback polled, holding the target's {@link CutoverLock} for the whole run.
 */
public final class LocalCutover {
    private final CutoverRunner steps;
    private WorkflowClock clock = WorkflowClock.system();

    public LocalCutover(CutoverRunner steps) {
        this.steps = steps;
    }

    /** The steps by activity name, for any workflow runner (in-process, or the Functions app's dispatcher). */
    public static Map<String, Function<Object, Object>> activities(CutoverRunner steps) {
        return Map.of(
                ActivityNames.SYNC_ROUND, in -> steps.syncRound(),
                ActivityNames.CUTOVER_PREFLIGHT, in -> steps.preflight(),
                ActivityNames.CUTOVER_SWITCH, in -> steps.switchOver(),
                ActivityNames.CUTOVER_PROBE, in -> steps.probeRound(),
                ActivityNames.CUTOVER_COMPLETE, in -> steps.complete((CutoverSteps.CompleteOrder) in),
                ActivityNames.CUTOVER_ROLLBACK, in -> steps.rollBack((CutoverSteps.RollbackOrder) in));
    }

    /**
     * Runs the workflow's waits — sync pauses, the health window, probe intervals, the approval
     * deadline — on {@code workflowClock} (the system clock unless set; tests use a virtual one).
     */
    public LocalCutover withClock(WorkflowClock workflowClock) {
        this.clock = workflowClock;
        return this;
    }

    /** Runs the whole cutover, approve and rollback polled from {@code approved} and {@code rollbackRequested}. */
    public CutoverResult run(BooleanSupplier approved, BooleanSupplier rollbackRequested) {
        try (dev.ferry.engine.journal.AdvisoryLock lock = steps.lock();
             LocalWorkflowPort port = new LocalWorkflowPort(1, activities(steps), s -> steps.log().accept("cutover: " + s.phase()), clock)) {
            port.pollEvent(CutoverWorkflow.APPROVE_EVENT, approved).pollEvent(CutoverWorkflow.ROLLBACK_EVENT, rollbackRequested);
            return new CutoverWorkflow().run(port, CutoverWorkflow.Request.of(steps.policy()));
        }
    }
}
