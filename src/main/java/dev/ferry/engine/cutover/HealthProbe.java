package dev.ferry.engine.cutover;

/** One check of the application or the target during the health window. */
@FunctionalInterface
public interface HealthProbe {
    /** Probes once; a failed probe returns {@code ok == false} with the reason rather than throwing. */
    Result probe();

    /** A probe's outcome and how long it took. */
    record Result(String probe, boolean ok, long millis, String message) {
    }
}
