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

    /**
     * Starts listening for any of {@code names}. Events raised from now on are kept until a
     * {@link EventListener#next} takes them, so none is lost between waits (in Durable Functions
     * one waiter per event, raced against a durable timer on every wait).
     */
    EventListener listen(List<String> names);

    /** What operators see of the run (Durable custom status, or a log line). */
    void setStatus(WorkflowStatus status);

    /** The workflow's notion of now (replay-safe in Durable Functions). */
    Instant now();

    /** Events listened for. */
    interface EventListener {
        /** The name of the next event raised, or empty once {@code timeout} passed first. */
        Optional<String> next(Duration timeout);
    }

    /** A scheduled activity's result. */
    interface Pending<T> {
        T await();
    }
}
