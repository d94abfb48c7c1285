package dev.ferry.engine.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the migration workflow may do. The workflow makes its decisions only through this
 * port — no I/O, clocks, randomness or threads of its own (an ArchUnit rule checks) — so the same
 * code runs in-process for the command line ({@link LocalWorkflowPort}) and, through a Durable
 * Functions adapter, in Azure, where it is replayed.
 */
public interface WorkflowPort {
    /** Schedules an activity; its result is awaited through the handle. */
    <T> Pending<T> callActivity(String name, Object input, Class<T> resultType);

    /** Starts a child workflow (a Durable sub-orchestration), so each table's history stays its own. */
    <T> Pending<T> callSubWorkflow(String name, Object input, Class<T> resultType);

    /** Waits for all; the first failure (after the others finished) is thrown. */
    <T> List<T> awaitAll(List<Pending<T>> pending);

    /** A durable timer. */
    void sleep(Duration duration);

    /** Waits for an external event (approval, rollback) up to {@code timeout}; empty when it timed out. */
    <T> Optional<T> waitForEvent(String name, Duration timeout, Class<T> type);

    /** What operators see of the run (Durable custom status, or a log line). */
    void setStatus(WorkflowStatus status);

    /** The workflow's notion of now (replay-safe in Durable Functions). */
    Instant now();

    /** A scheduled activity's result. */
    interface Pending<T> {
        T await();
    }
}
