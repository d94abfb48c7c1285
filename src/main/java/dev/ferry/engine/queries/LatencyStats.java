package dev.ferry.engine.queries;

import java.util.List;

/**
 * Client-side latency of one side's executions of a query (execute and fetch every row), in
 * milliseconds: p50 and p95 by nearest rank, and the slowest.
 */
public record LatencyStats(int runs, double p50Millis, double p95Millis, double maxMillis) {
    /** The statistics of {@code nanos}, one entry per execution (none gives zeros). */
    public static LatencyStats of(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new LatencyStats(0, 0, 0, 0);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new LatencyStats(sorted.length, millis(rank(sorted, 0.50)), millis(rank(sorted, 0.95)), millis(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double p) {
        return sorted[(int) Math.max(0, Math.ceil(p * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
