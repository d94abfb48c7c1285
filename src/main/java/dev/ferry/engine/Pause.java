package dev.ferry.engine;

import java.time.Duration;

/**
 * A wait the engine makes on purpose (before rechecking rows in flight on a live source): real
 * sleeping in a run, an event or a virtual clock in tests.
 */
@FunctionalInterface
public interface Pause {
    /** Waits {@code duration}. */
    void pause(Duration duration);

    /** Sleeps the calling thread; an interrupt ends the wait with an error. */
    static Pause sleeping() {
        return duration -> {
            try {
                Thread.sleep(Math.max(0, duration.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FerryException(ErrorCode.CONNECTION, "Interrupted while waiting " + duration, e);
            }
        };
    }
}
