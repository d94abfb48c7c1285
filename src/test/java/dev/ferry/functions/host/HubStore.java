package dev.ferry.functions.host;

import com.google.protobuf.Timestamp;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationStatus;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ParentInstanceInfo;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailureDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The task hub's state, as the storage backend keeps it: each instance's history and status, one
 * queue of work (orchestration messages and activity work items, in arrival order), durable timers
 * and a virtual clock. It outlives a {@link DurableHost}, so a new host over it is a restart.
 * Thread-safe: the gRPC sidecar reads and writes it from its own threads.
 */
public final class HubStore {
    /** A message for an orchestration instance: one new history event. */
    public record Message(String instanceId, HistoryEvent event) {
    }

    /** An activity to run for an instance's task {@code taskId}, with its raw JSON input. */
    public record ActivityItem(String instanceId, int taskId, String name, String input) {
    }

    /** A durable timer of an instance. */
    public record TimerItem(String instanceId, int timerId, Timestamp fireAt) {
        Instant instant() {
            return Instant.ofEpochSecond(fireAt.getSeconds(), fireAt.getNanos());
        }
    }

    /** One orchestration instance. Mutable; guarded by the store. */
    public static final class Instance {
        public final String id;
        public final String name;
        public final String executionId;
        public final String input;
        public final ParentInstanceInfo parent;
        public final Instant created;
        public final List<HistoryEvent> history = new ArrayList<>();
        public volatile OrchestrationStatus status = OrchestrationStatus.ORCHESTRATION_STATUS_PENDING;
        public volatile String output;
        public volatile String customStatus;
        public volatile TaskFailureDetails failure;
        public volatile Instant lastUpdated;

        Instance(String id, String name, String input, ParentInstanceInfo parent, Instant created) {
            this.id = id;
            this.name = name;
            this.executionId = UUID.randomUUID().toString().replace("-", "");
            this.input = input;
            this.parent = parent;
            this.created = created;
            this.lastUpdated = created;
        }

        public boolean ended() {
            return status == OrchestrationStatus.ORCHESTRATION_STATUS_COMPLETED || status == OrchestrationStatus.ORCHESTRATION_STATUS_FAILED
                    || status == OrchestrationStatus.ORCHESTRATION_STATUS_TERMINATED;
        }

        @Override
        public String toString() {
            return id + " " + name + " " + status + (failure == null ? "" : " (" + failure.getErrorMessage() + ")")
                    + " status=" + customStatus;
        }
    }

    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Deque<Object> queue = new ArrayDeque<>();
    private final List<TimerItem> timers = new ArrayList<>();
    private final Set<ActivityItem> inFlight = new LinkedHashSet<>();
    private final boolean acceptsReusedIds;
    private Instant clock;

    /**
     * @param start            the virtual clock's start
     * @param acceptsReusedIds whether creating an instance whose id already ended replaces it (some storage
     *                         backends do, not all); false makes such a create fail, the conservative reading
     */
    public HubStore(Instant start, boolean acceptsReusedIds) {
        this.clock = start;
        this.acceptsReusedIds = acceptsReusedIds;
    }

    public HubStore() {
        this(Instant.parse("2026-11-24T02:00:00Z"), false);
    }

    public synchronized Instant now() {
        return clock;
    }

    public synchronized Optional<Instance> instance(String id) {
        return Optional.ofNullable(instances.get(id));
    }

    public synchronized List<Instance> instances() {
        return List.copyOf(instances.values());
    }

    /** Creates an instance and queues its ExecutionStarted; returns why not, or null. */
    public synchronized String createInstance(String id, String name, String input, ParentInstanceInfo parent) {
        Instance existing = instances.get(id);
        if (existing != null && (!existing.ended() || !acceptsReusedIds)) {
            return "An orchestration with instance id '" + id + "' already exists (" + existing.status + ")";
        }
        Instance inst = new Instance(id, name, input, parent, clock);
        instances.put(id, inst);
        queue.add(new Message(id, HistoryEvents.executionStarted(clock, id, inst.executionId, name, input, parent)));
        return null;
    }

    /** Queues an external event for a running instance; false when there is no such instance or it has ended. */
    public synchronized boolean raiseEvent(String id, String name, String input) {
        Instance inst = instances.get(id);
        if (inst == null || inst.ended()) {
            return false;
        }
        queue.add(new Message(id, HistoryEvents.eventRaised(clock, name, input)));
        return true;
    }

    synchronized void enqueue(Object item) {
        queue.add(item);
    }

    synchronized Object poll() {
        Object item = queue.poll();
        if (item instanceof ActivityItem a) {
            inFlight.add(a);
        }
        return item;
    }

    /** An activity's result is recorded: its completion message is queued and it is no longer in flight. */
    synchronized void complete(ActivityItem item, Message done) {
        inFlight.remove(item);
        queue.add(done);
    }

    /** After a crash: activities that were running go back to the front of the queue (at-least-once delivery). */
    synchronized void recoverInFlight() {
        List<ActivityItem> lost = new ArrayList<>(inFlight);
        inFlight.clear();
        for (int i = lost.size() - 1; i >= 0; i--) {
            queue.addFirst(lost.get(i));
        }
    }

    synchronized void addTimer(TimerItem t) {
        timers.add(t);
    }

    /** Moves the clock just past the earliest timer of a running instance and queues its TimerFired; false when none. */
    synchronized boolean fireNextTimer() {
        timers.removeIf(t -> instances.get(t.instanceId()).ended());
        Optional<TimerItem> next = timers.stream().min(Comparator.comparing(TimerItem::instant));
        if (next.isEmpty()) {
            return false;
        }
        TimerItem t = next.get();
        timers.remove(t);
        // a real timer fires after its time; the executor's timer chain needs the clock strictly past fireAt
        Instant at = t.instant().plus(Duration.ofMillis(1));
        if (at.isAfter(clock)) {
            clock = at;
        }
        queue.add(new Message(t.instanceId(), HistoryEvents.timerFired(clock, t)));
        return true;
    }

    public synchronized int pendingTimers() {
        timers.removeIf(t -> instances.get(t.instanceId()).ended());
        return timers.size();
    }

    synchronized String describe() {
        return instances.values().stream().map(Instance::toString).collect(Collectors.joining("; "))
                + " | queued " + queue.size() + ", timers " + timers.size() + ", clock " + clock;
    }
}
