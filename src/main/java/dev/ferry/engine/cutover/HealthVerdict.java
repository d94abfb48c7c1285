package dev.ferry.engine.cutover;

import java.util.List;
import java.util.Optional;

/** Whether a health window's probe results so far fail it: error rate, then p95 latency. */
public final class HealthVerdict {
    private HealthVerdict() {
    }

    /** Why the window fails, or empty while it holds. */
    public static Optional<String> unhealthy(List<HealthProbe.Result> results, double maxErrorRate, long maxP95Millis) {
        if (results.isEmpty()) {
            return Optional.empty();
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
}
