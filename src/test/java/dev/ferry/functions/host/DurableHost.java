package dev.ferry.functions.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CompleteOrchestrationAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CreateSubOrchestrationAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ExecutionCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationInstance;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationStatus;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorStartedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ParentInstanceInfo;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ScheduleTaskAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.SubOrchestrationInstanceCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.SubOrchestrationInstanceCreatedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.SubOrchestrationInstanceFailedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailureDetails;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskScheduledEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TimerCreatedEvent;
import dev.ferry.functions.host.HubStore.ActivityItem;
import dev.ferry.functions.host.HubStore.Instance;
import dev.ferry.functions.host.HubStore.Message;
import dev.ferry.functions.host.HubStore.TimerItem;
import dev.ferry.functions.host.StagedApp.StagedFunction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The Durable extension in passthrough mode, as it drives a Java function app, over a {@link HubStore}:
 * <ul>
 * <li>an orchestrator function gets a base64 {@code OrchestratorRequest} (its history as past events, an
 * {@code OrchestratorStarted} and exactly one new message as new events) through its
 * {@code orchestrationTrigger} binding, and must return a base64 {@code OrchestratorResponse}; the real
 * durabletask executor ({@code OrchestrationRunner.loadAndRun}) runs inside the function;</li>
 * <li>the returned actions become history with the ids the executor expects ({@code TaskScheduled},
 * {@code TimerCreated}, {@code SubOrchestrationInstanceCreated} and {@code ExecutionCompleted} carry the
 * action's id; completions carry it as {@code taskScheduledId} / {@code timerId});</li>
 * <li>an activity gets its raw JSON input through its {@code activityTrigger} binding; the worker's typed
 * return value becomes the {@code TaskCompleted} result (JSON as Gson wrote it, a string as a JSON string),
 * an exception a {@code TaskFailed} with its type and message;</li>
 * <li>timers fire on a virtual clock, which moves only when nothing else can run.</li>
 * </ul>
 * Every function is invoked through {@link JavaWorker}, so a value the worker drops is dropped here too.
 * Retry policies are applied by the durabletask executor itself (a retry is a timer, then a new task), as
 * in Azure. One message per episode means every decision is replayed once per event.
 */
public final class DurableHost {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HubStore store;
    private final StagedApp app;
    private final JavaWorker worker;
    private final List<String> trace = new ArrayList<>();
    private Predicate<ActivityItem> crashDuring = a -> false;
    private final List<ActivityItem> executed = new ArrayList<>();
    private boolean crashed;
    private int episodes;
    private int activityRuns;

    /** A host over {@code store}: a fresh one over the same store is a host restart. */
    public DurableHost(HubStore store, StagedApp app, JavaWorker worker) {
        this.store = store;
        this.app = app;
        this.worker = worker;
        store.recoverInFlight();
    }

    public HubStore store() {
        return store;
    }

    public int episodes() {
        return episodes;
    }

    public int activityRuns() {
        return activityRuns;
    }

    /** Every activity this host ran, in order (retries and redeliveries included). */
    public List<ActivityItem> executed() {
        return List.copyOf(executed);
    }

    /** How many times this host ran activity {@code name} with an input containing {@code fragment}. */
    public long runs(String name, String fragment) {
        return executed.stream().filter(a -> a.name().equals(name) && a.input() != null && a.input().contains(fragment)).count();
    }

    /** What the host did, one line per episode or activity, for assertion messages. */
    public String trace() {
        int from = Math.max(0, trace.size() - 40);
        return String.join("\n", trace.subList(from, trace.size()));
    }

    /**
     * Simulates the host process dying while it runs the next activity that matches: the activity's side
     * effects happen, its result is never recorded, and this host refuses further work (start a new one
     * over the same store; it delivers the activity again, as the queue's visibility timeout would).
     */
    public void crashDuring(Predicate<ActivityItem> which) {
        this.crashDuring = which;
    }

    /** Runs work until {@code done}, moving the virtual clock when idle; fails naming {@code what} after {@code maxSteps}. */
    public void runUntil(String what, BooleanSupplier done, int maxSteps) {
        for (int step = 0; step < maxSteps; step++) {
            if (done.getAsBoolean()) {
                return;
            }
            if (!step() && !store.fireNextTimer()) {
                throw new AssertionError("nothing left to run while waiting for " + what + "; instances: " + store.describe()
                        + "\nlast work:\n" + trace());
            }
        }
        if (!done.getAsBoolean()) {
            throw new AssertionError("waited " + maxSteps + " steps for " + what + "; instances: " + store.describe() + "\nlast work:\n" + trace());
        }
    }

    /**
     * Runs every queued work item and what it queues, without moving the clock: afterwards the
     * instances wait only for timers or external events. Fails naming {@code what} after {@code maxSteps}.
     */
    public void drain(String what, int maxSteps) {
        for (int step = 0; step < maxSteps; step++) {
            if (!step()) {
                return;
            }
        }
        throw new AssertionError("still busy after " + maxSteps + " steps while draining for " + what + "; " + store.describe());
    }

    /** Runs until {@code instanceId} has ended (completed, failed or terminated). */
    public Instance runToCompletion(String instanceId, int maxSteps) {
        runUntil("instance " + instanceId + " to end", () -> store.instance(instanceId).map(Instance::ended).orElse(false), maxSteps);
        return store.instance(instanceId).orElseThrow();
    }

    /** Runs the next queued work item (an orchestration episode or an activity); false when the queue is empty. */
    public boolean step() {
        if (crashed) {
            throw new IllegalStateException("this host crashed; start a new DurableHost over the same HubStore");
        }
        Object item = store.poll();
        if (item == null) {
            return false;
        }
        if (item instanceof Message m) {
            episode(m);
        } else {
            activity((ActivityItem) item);
        }
        return true;
    }

    private void episode(Message m) {
        Instance inst = store.instance(m.instanceId()).orElseThrow();
        if (inst.ended()) {
            trace.add("drop " + m.event().getEventTypeCase() + " for ended " + inst.id);
            return;
        }
        episodes++;
        if (inst.status == OrchestrationStatus.ORCHESTRATION_STATUS_PENDING) {
            inst.status = OrchestrationStatus.ORCHESTRATION_STATUS_RUNNING;
        }
        List<HistoryEvent> newEvents = List.of(HistoryEvents.event(store.now(), -1).setOrchestratorStarted(OrchestratorStartedEvent.getDefaultInstance()).build(),
                m.event());
        OrchestratorRequest request = OrchestratorRequest.newBuilder().setInstanceId(inst.id)
                .setExecutionId(StringValue.of(inst.executionId)).addAllPastEvents(inst.history).addAllNewEvents(newEvents).build();
        StagedFunction f = app.function(inst.name);
        JavaWorker.Output out;
        try {
            out = worker.invoke(f, Map.of(f.trigger().name(), Base64.getEncoder().encodeToString(request.toByteArray())), null);
        } catch (JavaWorker.FunctionFailedException e) {
            trace.add("episode " + inst.name + " " + inst.id + " threw " + e.getCause());
            inst.history.addAll(newEvents);
            completeInstance(inst, -1, OrchestrationStatus.ORCHESTRATION_STATUS_FAILED, null, HistoryEvents.failure(e.getCause()));
            return;
        }
        if (out.kind() != JavaWorker.Output.Kind.STRING || out.text() == null || out.text().isEmpty()) {
            // the extension's OutOfProcMiddleware: no base64 string back means a failed orchestration
            trace.add("episode " + inst.name + " returned " + out.kind());
            inst.history.addAll(newEvents);
            completeInstance(inst, -1, OrchestrationStatus.ORCHESTRATION_STATUS_FAILED, null, TaskFailureDetails.newBuilder()
                    .setErrorType("InvalidOperationException").setErrorMessage("The function invocation resulted in a null response. "
                            + "(the worker returned " + out.kind() + ")").build());
            return;
        }
        OrchestratorResponse response;
        try {
            response = OrchestratorResponse.parseFrom(Base64.getDecoder().decode(out.text()));
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            throw new AssertionError(inst.name + " returned something that is not a base64 OrchestratorResponse", e);
        }
        inst.history.addAll(newEvents);
        inst.customStatus = response.hasCustomStatus() ? response.getCustomStatus().getValue() : null;
        inst.lastUpdated = store.now();
        trace.add("episode " + inst.name + " " + inst.id + " on " + m.event().getEventTypeCase() + " -> " + response.getActionsCount() + " actions");
        for (OrchestratorAction a : response.getActionsList()) {
            apply(inst, a);
        }
        if (!inst.ended()) {
            inst.history.add(HistoryEvents.event(store.now(), -1).setOrchestratorCompleted(OrchestratorCompletedEvent.getDefaultInstance()).build());
        }
    }

    private void apply(Instance inst, OrchestratorAction a) {
        int id = a.getId();
        switch (a.getOrchestratorActionTypeCase()) {
            case SCHEDULETASK -> {
                ScheduleTaskAction s = a.getScheduleTask();
                TaskScheduledEvent.Builder e = TaskScheduledEvent.newBuilder().setName(s.getName());
                if (s.hasInput()) {
                    e.setInput(s.getInput());
                }
                inst.history.add(HistoryEvents.event(store.now(), id).setTaskScheduled(e).build());
                store.enqueue(new ActivityItem(inst.id, id, s.getName(), s.hasInput() ? s.getInput().getValue() : null));
            }
            case CREATETIMER -> {
                inst.history.add(HistoryEvents.event(store.now(), id).setTimerCreated(TimerCreatedEvent.newBuilder().setFireAt(a.getCreateTimer().getFireAt())).build());
                store.addTimer(new TimerItem(inst.id, id, a.getCreateTimer().getFireAt()));
            }
            case CREATESUBORCHESTRATION -> {
                CreateSubOrchestrationAction c = a.getCreateSubOrchestration();
                SubOrchestrationInstanceCreatedEvent.Builder e = SubOrchestrationInstanceCreatedEvent.newBuilder()
                        .setInstanceId(c.getInstanceId()).setName(c.getName());
                if (c.hasInput()) {
                    e.setInput(c.getInput());
                }
                inst.history.add(HistoryEvents.event(store.now(), id).setSubOrchestrationInstanceCreated(e).build());
                String problem = store.createInstance(c.getInstanceId(), c.getName(), c.hasInput() ? c.getInput().getValue() : null,
                        ParentInstanceInfo.newBuilder().setTaskScheduledId(id).setName(StringValue.of(inst.name))
                                .setOrchestrationInstance(OrchestrationInstance.newBuilder().setInstanceId(inst.id)).build());
                if (problem != null) {
                    store.enqueue(new Message(inst.id, HistoryEvents.event(store.now(), -1).setSubOrchestrationInstanceFailed(SubOrchestrationInstanceFailedEvent
                            .newBuilder().setTaskScheduledId(id).setFailureDetails(TaskFailureDetails.newBuilder()
                                    .setErrorType("OrchestrationAlreadyExistsException").setErrorMessage(problem))).build()));
                }
            }
            case COMPLETEORCHESTRATION -> {
                CompleteOrchestrationAction c = a.getCompleteOrchestration();
                completeInstance(inst, id, c.getOrchestrationStatus(), c.hasResult() ? c.getResult().getValue() : null,
                        c.hasFailureDetails() ? c.getFailureDetails() : null);
            }
            default -> throw new AssertionError("the kit does not implement action " + a.getOrchestratorActionTypeCase()
                    + " (Ferry's orchestrators are not expected to send it)");
        }
    }

    private void completeInstance(Instance inst, int actionId, OrchestrationStatus status, String result, TaskFailureDetails failure) {
        ExecutionCompletedEvent.Builder e = ExecutionCompletedEvent.newBuilder().setOrchestrationStatus(status);
        if (result != null) {
            e.setResult(StringValue.of(result));
        }
        if (failure != null) {
            e.setFailureDetails(failure);
        }
        inst.history.add(HistoryEvents.event(store.now(), actionId).setExecutionCompleted(e).build());
        inst.status = status;
        inst.output = result;
        inst.failure = failure;
        inst.lastUpdated = store.now();
        if (inst.parent != null) {
            int taskId = inst.parent.getTaskScheduledId();
            HistoryEvent.Builder done = HistoryEvents.event(store.now(), -1);
            if (status == OrchestrationStatus.ORCHESTRATION_STATUS_COMPLETED) {
                SubOrchestrationInstanceCompletedEvent.Builder c = SubOrchestrationInstanceCompletedEvent.newBuilder().setTaskScheduledId(taskId);
                if (result != null) {
                    c.setResult(StringValue.of(result));
                }
                done.setSubOrchestrationInstanceCompleted(c);
            } else {
                done.setSubOrchestrationInstanceFailed(SubOrchestrationInstanceFailedEvent.newBuilder().setTaskScheduledId(taskId)
                        .setFailureDetails(failure == null ? TaskFailureDetails.newBuilder().setErrorType("Unknown")
                                .setErrorMessage("sub-orchestration ended " + status).build() : failure));
            }
            store.enqueue(new Message(inst.parent.getOrchestrationInstance().getInstanceId(), done.build()));
        }
    }

    private void activity(ActivityItem item) {
        activityRuns++;
        executed.add(item);
        StagedFunction f = app.function(item.name());
        boolean crash = crashDuring.test(item);
        HistoryEvent.Builder done = HistoryEvents.event(store.now(), -1);
        try {
            JavaWorker.Output out = worker.invoke(f, java.util.Collections.singletonMap(f.trigger().name(), item.input()), null);
            String result = serializedOutput(out);
            trace.add("activity " + item.name() + " #" + item.taskId() + " of " + item.instanceId() + " -> " + abbreviate(result));
            TaskCompletedEvent.Builder c = TaskCompletedEvent.newBuilder().setTaskScheduledId(item.taskId());
            if (result != null) {
                c.setResult(StringValue.of(result));
            }
            done.setTaskCompleted(c);
        } catch (JavaWorker.FunctionFailedException e) {
            trace.add("activity " + item.name() + " #" + item.taskId() + " of " + item.instanceId() + " failed: " + e.getCause());
            done.setTaskFailed(TaskFailedEvent.newBuilder().setTaskScheduledId(item.taskId()).setFailureDetails(HistoryEvents.failure(e.getCause())));
        }
        if (crash) {
            crashed = true;
            throw new HostCrashedException("host crashed while " + item.name() + " #" + item.taskId() + " ran; its result is lost");
        }
        store.complete(item, new Message(item.instanceId(), done.build()));
    }

    /** Thrown by {@link #step()} when a simulated crash stops this host. */
    public static final class HostCrashedException extends RuntimeException {
        HostCrashedException(String message) {
            super(message);
        }
    }

    /**
     * The activity result the extension stores: the worker's JSON as compact JSON (JToken.ToString), a string
     * serialized as a JSON string, numbers as they are; nothing for JSON null or a dropped value.
     */
    static String serializedOutput(JavaWorker.Output out) {
        try {
            return switch (out.kind()) {
                case DROPPED -> null;
                case JSON -> "null".equals(out.text()) ? null : JSON.writeValueAsString(JSON.readTree(out.text()));
                case STRING -> JSON.writeValueAsString(out.text());
                case INT, DOUBLE -> out.text();
                case BYTES, HTTP -> throw new AssertionError("an activity returned " + out.kind());
            };
        } catch (IOException e) {
            throw new AssertionError("the worker sent JSON the host cannot read: " + out.text(), e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
