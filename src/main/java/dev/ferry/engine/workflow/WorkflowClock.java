package dev.ferry.engine.workflow;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.time.Duration;
import java.time.Instant;

/**
 * Time for a workflow run in-process: what {@link LocalWorkflowPort} reads as now and how it waits
 * (timers, the health window, approval deadlines, pauses between sync rounds). The command line uses
 * the {@linkplain #system() system clock}; tests use a virtual clock whose waits pass at once, so a
 * 15-minute window costs only the probe rounds it runs. In Azure the Durable runtime's replay-safe
 * time and durable timers play this part.
 */
public interface WorkflowClock {
    /** The current instant on this clock. */
    Instant now();

    /** Waits {@code duration} on this clock. */
    void sleep(Duration duration);

    /** Wall-clock time and real sleeps. */
    static WorkflowClock system() {
        return Wall.INSTANCE;
    }

    /** The wall clock. */
    enum Wall implements WorkflowClock {
        INSTANCE;

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) {
            try {
                Thread.sleep(Math.max(0, duration.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FerryException(ErrorCode.CONFIGURATION, "Interrupted while waiting", e);
            }
        }
    }
}
