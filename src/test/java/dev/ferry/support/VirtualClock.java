package dev.ferry.support;

import dev.ferry.engine.workflow.WorkflowClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A workflow clock for tests: waits pass at once and move this clock's now forward, so a cutover's
 * 15-minute window, its probe interval, its approval deadline and the pauses between sync rounds
 * take only the time of the work done between them.
 */
public final class VirtualClock implements WorkflowClock {
    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private final AtomicReference<Instant> now = new AtomicReference<>(start);

    @Override
    public Instant now() {
        return now.get();
    }

    @Override
    public void sleep(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Unable to wait a negative duration: " + duration);
        }
        now.updateAndGet(t -> t.plus(duration));
    }

    /** How far this clock has moved since it was made. */
    public Duration elapsed() {
        return Duration.between(start, now.get());
    }
}
