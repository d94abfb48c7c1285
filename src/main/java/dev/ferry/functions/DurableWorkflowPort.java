package dev.ferry.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.durabletask.CompositeTaskFailedException;
import com.microsoft.durabletask.RetryPolicy;
import com.microsoft.durabletask.Task;
import com.microsoft.durabletask.TaskFailedException;
import com.microsoft.durabletask.TaskOptions;
import com.microsoft.durabletask.TaskOrchestrationContext;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.workflow.WorkflowPort;
import dev.ferry.engine.workflow.WorkflowStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workflow port on Durable Functions, one to one onto {@link TaskOrchestrationContext}: each
 * activity is called with the migration's envelope and a retry policy; fan-in is
 * {@code allOf(...).await()}, whose {@link CompositeTaskFailedException} is unpacked into the
 * failure of the first activity that failed, naming it; time is the orchestration's replay-safe
 * {@code getCurrentInstant()}.
 */
public final class DurableWorkflowPort implements WorkflowPort {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Activity retries for host-level failures; chunk copies also retry connection errors themselves. */
    static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(5)).setBackoffCoefficient(2.0)
            .setMaxRetryInterval(Duration.ofMinutes(1));

    private final TaskOrchestrationContext ctx;
    private final MigrationRequest migration;
    private final Telemetry telemetry;

    public DurableWorkflowPort(TaskOrchestrationContext ctx, MigrationRequest migration, Telemetry telemetry) {
        this.ctx = ctx;
        this.migration = migration;
        this.telemetry = telemetry;
    }

    /** A scheduled activity with its Durable task, so fan-in can hand the tasks to {@code allOf}. */
    private record DurablePending<T>(String name, Task<T> task) implements Pending<T> {
        @Override
        public T await() {
            try {
                return task.await();
            } catch (TaskFailedException e) {
                throw failure(e);
            }
        }
    }

    @Override
    public <T> Pending<T> callActivity(String name, Object input, Class<T> resultType) {
        ActivityEnvelope envelope = new ActivityEnvelope(migration, JSON.valueToTree(input));
        return new DurablePending<>(name, ctx.callActivity(name, envelope, new TaskOptions(RETRY), resultType));
    }

    /**
     * A sub-orchestration with the migration's envelope; Durable gives it its own, small history. It has
     * no retry policy on purpose: its activities retry themselves ({@link #RETRY}), so a child fails only
     * when a chunk has failed all its attempts; retrying the child would multiply those attempts (3 × 3)
     * and start it again under the failed instance's id, which not every storage backend accepts. A
     * failed run resumes from the journal when started again.
     */
    @Override
    public <T> Pending<T> callSubWorkflow(String name, Object input, Class<T> resultType) {
        ActivityEnvelope envelope = new ActivityEnvelope(migration, JSON.valueToTree(input));
        return new DurablePending<>(name, ctx.callSubOrchestrator(name, envelope, null, (TaskOptions) null, resultType));
    }

    @Override
    public <T> List<T> awaitAll(List<Pending<T>> pending) {
        List<Task<T>> tasks = new ArrayList<>();
        for (Pending<T> p : pending) {
            tasks.add(((DurablePending<T>) p).task());
        }
        try {
            return ctx.allOf(tasks).await();
        } catch (CompositeTaskFailedException e) {
            Exception first = e.getExceptions().isEmpty() ? e : e.getExceptions().get(0);
            throw first instanceof TaskFailedException tf ? failure(tf)
                    : new FerryException(ErrorCode.COPY, "Unable to finish a fan-out: " + first.getMessage(), first);
        }
    }

    @Override
    public void sleep(Duration duration) {
        ctx.createTimer(duration).await();
    }

    @Override
    public EventListener listen(List<String> names) {
        // one waiter per event for the whole listening: a waiter dropped after a timeout would take the next event with it
        Map<String, Task<?>> waiters = new LinkedHashMap<>();
        names.forEach(n -> waiters.put(n, ctx.waitForExternalEvent(n, Object.class)));
        return timeout -> {
            for (Map.Entry<String, Task<?>> w : waiters.entrySet()) {
                if (w.getValue().isDone()) {
                    waiters.put(w.getKey(), ctx.waitForExternalEvent(w.getKey(), Object.class));
                    return Optional.of(w.getKey());
                }
            }
            List<Task<?>> race = new ArrayList<>(waiters.values());
            race.add(ctx.createTimer(timeout));
            Task<?> first = ctx.anyOf(race).await();
            for (Map.Entry<String, Task<?>> w : waiters.entrySet()) {
                if (w.getValue() == first) {
                    waiters.put(w.getKey(), ctx.waitForExternalEvent(w.getKey(), Object.class));
                    return Optional.of(w.getKey());
                }
            }
            return Optional.empty();
        };
    }

    @Override
    public void setStatus(WorkflowStatus status) {
        ctx.setCustomStatus(status);
        if (!ctx.getIsReplaying()) {
            telemetry.phase(status);
        }
    }

    @Override
    public Instant now() {
        return ctx.getCurrentInstant();
    }

    /** An activity's failure as Ferry's exception, naming the activity and carrying its message (which names the chunk or row). */
    private static FerryException failure(TaskFailedException e) {
        String detail = e.getErrorDetails() == null ? e.getMessage() : e.getErrorDetails().getErrorMessage();
        return new FerryException(ErrorCode.COPY, "Activity " + e.getTaskName() + " failed: " + detail, e);
    }
}
