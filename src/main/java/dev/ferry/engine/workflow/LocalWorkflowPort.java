package dev.ferry.engine.workflow;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the workflow in-process for the command line: activities on {@code workers} threads,
 * timers as sleeps, events from {@link #raise}. Once an activity fails, activities not yet started
 * are not started, so a data error stops the copy as soon as the chunks in flight are done.
 * Activities start in the order they are called, except that a table's post-data goes ahead of
 * chunks still waiting, so its index builds overlap the copy of other tables, and that the chunks of
 * a child workflow started earlier go ahead of a later one's: tables are copied one after another
 * in the order the workflow starts them (largest first), each with every worker.
 */
public final class LocalWorkflowPort implements WorkflowPort, AutoCloseable {
    /** How often a wait for events looks for one. */
    private static final Duration POLL = Duration.ofMillis(50);
    /** Activities that go ahead of others still waiting for a thread. */
    private static final java.util.Set<String> AHEAD = java.util.Set.of(ActivityNames.TABLE_POST_DATA);
    private final ExecutorService pool;
    private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong childOrders = new java.util.concurrent.atomic.AtomicLong();
    /** Which child workflow (by start order) the calling thread runs; unset on the parent's thread. */
    private final ThreadLocal<Long> childOrder = new ThreadLocal<>();
    private final ExecutorService children = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ferry-table-workflow");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Function<Object, Object>> activities;
    private final Consumer<WorkflowStatus> status;
    private final Map<String, BlockingQueue<Object>> events = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.BooleanSupplier> polledEvents = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
    private final WorkflowClock clock;

    public LocalWorkflowPort(int workers, Map<String, Function<Object, Object>> activities, Consumer<WorkflowStatus> status) {
        this(workers, activities, status, WorkflowClock.system());
    }

    /** A port whose timers, event waits and notion of now run on {@code clock}. */
    public LocalWorkflowPort(int workers, Map<String, Function<Object, Object>> activities, Consumer<WorkflowStatus> status,
                             WorkflowClock clock) {
        this.pool = new java.util.concurrent.ThreadPoolExecutor(Math.max(1, workers), Math.max(1, workers), 0L,
                java.util.concurrent.TimeUnit.MILLISECONDS, new java.util.concurrent.PriorityBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "ferry-activity");
                    t.setDaemon(true);
                    return t;
                });
        this.activities = activities;
        this.status = status;
        this.clock = clock;
    }

    @Override
    public <T> Pending<T> callActivity(String name, Object input, Class<T> resultType) {
        Function<Object, Object> activity = activities.get(name);
        if (activity == null) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to run activity '" + name + "': no such activity");
        }
        CompletableFuture<T> future = new CompletableFuture<>();
        Long child = childOrder.get();
        pool.execute(new Call(AHEAD.contains(name) ? 0 : 1, child == null ? 0 : child, calls.incrementAndGet(), () -> {
            RuntimeException earlier = firstFailure.get();
            if (earlier != null) {
                future.completeExceptionally(new FerryException(ErrorCode.COPY, "Not started: an earlier activity failed"));
                return;
            }
            try {
                future.complete(resultType.cast(activity.apply(input)));
            } catch (RuntimeException e) {
                firstFailure.compareAndSet(null, e);
                future.completeExceptionally(e);
            } catch (Error e) {
                future.completeExceptionally(e);
                throw e;
            }
        }));
        return () -> join(future);
    }

    /**
     * An activity waiting for a thread: lower rank first, then the activities of the child workflow
     * started first (the parent's own count as started before any), then in the order called.
     */
    private record Call(int rank, long child, long order, Runnable body) implements Runnable, Comparable<Call> {
        @Override
        public void run() {
            body.run();
        }

        @Override
        public int compareTo(Call other) {
            if (rank != other.rank) {
                return Integer.compare(rank, other.rank);
            }
            return child != other.child ? Long.compare(child, other.child) : Long.compare(order, other.order);
        }
    }

    /** Child workflows run on their own threads, so they never wait on the activity pool they feed. */
    @Override
    public <T> Pending<T> callSubWorkflow(String name, Object input, Class<T> resultType) {
        if (!TableCopyWorkflow.NAME.equals(name)) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to run workflow '" + name + "': no such workflow");
        }
        long order = childOrders.incrementAndGet();
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
            childOrder.set(order);
            return resultType.cast(new TableCopyWorkflow().run(this, (WorkflowMessages.TableCopyTask) input));
        }, children);
        return () -> join(future);
    }

    @Override
    public <T> List<T> awaitAll(List<Pending<T>> pending) {
        List<T> results = new ArrayList<>();
        RuntimeException failure = null;
        for (Pending<T> p : pending) {
            try {
                results.add(p.await());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        RuntimeException first = firstFailure.get();
        if (failure != null) {
            throw first != null ? first : failure;
        }
        return results;
    }

    @Override
    public void sleep(Duration duration) {
        clock.sleep(duration);
    }

    @Override
    public EventListener listen(List<String> names) {
        return timeout -> {
            Instant deadline = clock.now().plus(timeout);
            do {
                for (String name : names) {
                    if (events.computeIfAbsent(name, n -> new LinkedBlockingQueue<>()).poll() != null) {
                        return Optional.of(name);
                    }
                    java.util.function.BooleanSupplier polled = polledEvents.get(name);
                    if (polled != null && polled.getAsBoolean()) {
                        return Optional.of(name);
                    }
                }
                Duration left = Duration.between(clock.now(), deadline);
                clock.sleep(left.compareTo(POLL) < 0 ? left : POLL);
            } while (clock.now().isBefore(deadline));
            return Optional.empty();
        };
    }

    /**
     * Has {@link #listen} also poll {@code check} for event {@code name}: how the command line sees
     * an operator's approve or rollback given from another shell.
     */
    public LocalWorkflowPort pollEvent(String name, java.util.function.BooleanSupplier check) {
        polledEvents.put(name, check);
        return this;
    }

    /** Delivers an external event (what an operator's approve or rollback does in Azure). */
    public void raise(String name, Object value) {
        events.computeIfAbsent(name, n -> new LinkedBlockingQueue<>()).add(value);
    }

    @Override
    public void setStatus(WorkflowStatus s) {
        status.accept(s);
    }

    @Override
    public Instant now() {
        return clock.now();
    }

    /** Activities called and waiting for a thread. */
    int waiting() {
        return ((java.util.concurrent.ThreadPoolExecutor) pool).getQueue().size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        children.shutdownNow();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new FerryException(ErrorCode.COPY, e.getCause().toString(), e.getCause());
        }
    }
}
