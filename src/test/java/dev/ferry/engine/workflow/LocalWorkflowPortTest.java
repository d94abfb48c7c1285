package dev.ferry.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The in-process port's timers and event waits run on its clock: a virtual one makes them instant and exact. */
class LocalWorkflowPortTest {
    @Test
    void timersAndTimedOutWaitsMoveTheVirtualClockByExactlyTheirLength() {
        VirtualClock clock = new VirtualClock();
        try (LocalWorkflowPort port = new LocalWorkflowPort(1, Map.of(), s -> { }, clock)) {
            var start = port.now();
            port.sleep(Duration.ofMinutes(15));
            assertThat(Duration.between(start, port.now())).isEqualTo(Duration.ofMinutes(15));
            var listener = port.listen(List.of("Approve"));
            assertThat(listener.next(Duration.ofSeconds(10))).isEmpty();
            assertThat(Duration.between(start, port.now())).isEqualTo(Duration.ofMinutes(15).plusSeconds(10));
        }
    }

    @Test
    void anEventRaisedBeforeTheWaitIsTakenWithoutWaiting() {
        VirtualClock clock = new VirtualClock();
        try (LocalWorkflowPort port = new LocalWorkflowPort(1, Map.of(), s -> { }, clock)) {
            var listener = port.listen(List.of("Approve", "Rollback"));
            port.raise("Rollback", "operator");
            assertThat(listener.next(Duration.ofHours(1))).contains("Rollback");
            assertThat(clock.elapsed()).isZero();
        }
    }

    @Test
    void aPolledEventIsSeenAtTheFirstLookAfterItTurnsTrue() {
        VirtualClock clock = new VirtualClock();
        AtomicInteger looks = new AtomicInteger();
        try (LocalWorkflowPort port = new LocalWorkflowPort(1, Map.of(), s -> { }, clock)) {
            port.pollEvent("Approve", () -> looks.incrementAndGet() > 3);
            assertThat(port.listen(List.of("Approve")).next(Duration.ofMinutes(1))).contains("Approve");
            assertThat(clock.elapsed()).as("three looks, 50 ms apart, came first").isEqualTo(Duration.ofMillis(150));
        }
    }

    /** Issue 13: a table's post-data does not wait behind the chunks of other tables still queued. */
    @Test
    void aTablesPostDataGoesAheadOfChunksStillWaitingForAThread() throws InterruptedException {
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Map<String, java.util.function.Function<Object, Object>> activities = Map.of(
                ActivityNames.START_RUN, in -> {
                    running.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 0;
                },
                ActivityNames.COPY_CHUNK, in -> order.add("chunk " + in),
                ActivityNames.TABLE_POST_DATA, in -> order.add("post-data " + in));
        try (LocalWorkflowPort port = new LocalWorkflowPort(1, activities, s -> { })) {
            var busy = port.callActivity(ActivityNames.START_RUN, null, Integer.class);
            running.await();
            List<WorkflowPort.Pending<Boolean>> queued = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                queued.add(port.callActivity(ActivityNames.COPY_CHUNK, i, Boolean.class));
            }
            queued.add(port.callActivity(ActivityNames.TABLE_POST_DATA, "dbo.A", Boolean.class));
            queued.add(port.callActivity(ActivityNames.COPY_CHUNK, 3, Boolean.class));
            release.countDown();
            busy.await();
            port.awaitAll(queued);
            assertThat(order).containsExactly("post-data dbo.A", "chunk 0", "chunk 1", "chunk 2", "chunk 3");
        }
    }

    /** Issue 13: the chunks of the table whose child workflow started first go first, whatever order they were queued in. */
    @Test
    void chunksOfTheChildWorkflowStartedFirstGoFirst() throws InterruptedException {
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Map<String, java.util.function.Function<Object, Object>> activities = Map.of(
                ActivityNames.START_RUN, in -> {
                    running.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 0;
                },
                ActivityNames.COPY_CHUNK, in -> {
                    WorkflowMessages.ChunkTask t = (WorkflowMessages.ChunkTask) in;
                    order.add(t.table() + " " + t.chunk());
                    return new WorkflowMessages.ChunkCopied(t.table(), t.chunk(), 1, 1);
                },
                ActivityNames.TABLE_POST_DATA, in -> 0);
        try (LocalWorkflowPort port = new LocalWorkflowPort(1, activities, s -> { })) {
            var busy = port.callActivity(ActivityNames.START_RUN, null, Integer.class);
            running.await();
            var big = port.callSubWorkflow(TableCopyWorkflow.NAME, table("dbo.Big", 3), WorkflowMessages.TableCopied.class);
            var small = port.callSubWorkflow(TableCopyWorkflow.NAME, table("dbo.Small", 2), WorkflowMessages.TableCopied.class);
            dev.ferry.support.Waits.until("both tables' chunks queued", () -> port.waiting() == 5);
            release.countDown();
            busy.await();
            port.awaitAll(List.of(big, small));
            assertThat(order).containsExactly("dbo.Big 0", "dbo.Big 1", "dbo.Big 2", "dbo.Small 0", "dbo.Small 1");
        }
    }

    private static WorkflowMessages.TableCopyTask table(String name, int chunks) {
        return new WorkflowMessages.TableCopyTask("run-1", name, java.util.stream.IntStream.range(0, chunks)
                .mapToObj(i -> new WorkflowMessages.ChunkTask("run-1", name, i, 10)).toList());
    }
}
