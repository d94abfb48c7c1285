package dev.ferry.engine.cutover;

import java.util.List;
import java.util.Optional;

/**
 * Whether a health window's probe results so far fail it: the same probe failing twice in a row,
 * the error rate over the window, then p95 latency. The first rule bounds the reaction time late in
 * a long window, where the rate alone would wait for many failures (after 89 good rounds, five).
 */
public final class HealthVerdict {
    /** Failures in a row of one probe that fail the window whatever the rate. */
    public static final int FAILURES_IN_A_ROW = 2;

    private HealthVerdict() {
    }

    /** Why the window fails, or empty while it holds. */
    public static Optional<String> unhealthy(List<HealthProbe.Result> results, double maxErrorRate, long maxP95Millis) {
        if (results.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> inARow = failingInARow(results);
        if (inARow.isPresent()) {
            return inARow;
        }
        long failed = results.stream().filter(r -> !r.ok()).count();
        double rate = (double) failed / results.size();
        if (rate > maxErrorRate) {
            HealthProbe.Result last = results.stream().filter(r -> !r.ok()).reduce((a, b) -> b).orElseThrow();
            return Optional.of(String.format("%d of %d probes failed (last: %s: %s)", failed, results.size(), last.probe(),
                    last.message()));
        }
        long[] ms = results.stream().mapToLong(HealthProbe.Result::millis).sorted().toArray();
        long p95 = ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)];
        return p95 > maxP95Millis ? Optional.of("probe latency p95 " + p95 + " ms is over " + maxP95Millis + " ms") : Optional.empty();
    }

    private static Optional<String> failingInARow(List<HealthProbe.Result> results) {
        java.util.Map<String, Integer> run = new java.util.HashMap<>();
        for (HealthProbe.Result r : results) {
            int n = r.ok() ? 0 : run.getOrDefault(r.probe(), 0) + 1;
            run.put(r.probe(), n);
        }
        for (int i = results.size() - 1; i >= 0; i--) {
            HealthProbe.Result last = results.get(i);
            if (!last.ok() && run.get(last.probe()) >= FAILURES_IN_A_ROW) {
                return Optional.of(String.format("probe %s failed %d times in a row (last: %s)", last.probe(), run.get(last.probe()),
                        last.message()));
            }
        }
        return Optional.empty();
    }
}
