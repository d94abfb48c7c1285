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
}
