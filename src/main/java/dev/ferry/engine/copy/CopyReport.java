package dev.ferry.engine.copy;

import java.util.List;
import java.util.Map;

/**
 * The copy's report: per table rows, bytes, seconds, rows/s, chunks, retries and the values the
 * copy replaced or rounded, per column. Written as report.json beside report.md.
 */
public record CopyReport(String runId, double wallSeconds, long rows, long bytes, List<TableReport> tables) {

    /**
     * One table's figures; {@code seconds} is from its first chunk's start to its last chunk's end;
     * {@code chunkSeconds} the spread of its chunks' durations (minimum, median, 90th percentile,
     * maximum; empty when unknown).
     */
    public record TableReport(String source, String target, long rows, long bytes, double seconds, long rowsPerSecond,
                              int chunks, int retries, Map<String, Long> replacedValues, Map<String, Long> roundedValues,
                              List<Double> chunkSeconds) {
        public TableReport {
            chunkSeconds = chunkSeconds == null ? List.of() : List.copyOf(chunkSeconds);
        }
    }

    public String summary() {
        StringBuilder s = new StringBuilder(String.format("%-34s %12s %10s %8s %10s %6s %7s %s%n",
                "table", "rows", "MB", "seconds", "rows/s", "chunks", "retries", "changed values"));
        for (TableReport t : tables) {
            String changed = changes(t);
            s.append(String.format("%-34s %12d %10.1f %8.2f %10d %6d %7d %s%n", t.source(), t.rows(), t.bytes() / 1e6,
                    t.seconds(), t.rowsPerSecond(), t.chunks(), t.retries(), changed));
        }
        s.append(String.format("%-34s %12d %10.1f %8.2f %10d%n", "total", rows, bytes / 1e6, wallSeconds,
                wallSeconds > 0 ? (long) (rows / wallSeconds) : rows));
        return s.toString();
    }

    private static String changes(TableReport t) {
        StringBuilder s = new StringBuilder();
        t.replacedValues().forEach((c, n) -> s.append(c).append(": ").append(n).append(" NUL replaced; "));
        t.roundedValues().forEach((c, n) -> s.append(c).append(": ").append(n).append(" rounded to the column's precision; "));
        return s.length() == 0 ? "-" : s.toString();
    }
}
