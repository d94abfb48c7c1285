package dev.ferry.cli;

import dev.ferry.engine.copy.CopyProgress;
import dev.ferry.engine.model.TableRef;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Progress as plain log lines, at most one every few seconds, for output that is not a terminal. */
final class LogProgress implements CopyProgress {
    private final PrintStream out;
    private final long intervalNanos;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lastPrint = new AtomicLong();
    private final Map<TableRef, AtomicLong> tableRows = new ConcurrentHashMap<>();
    private Map<TableRef, Long> planned = Map.of();
    private long total;
    private long alreadyDone;
    private long start;

    LogProgress(PrintStream out, long intervalMillis) {
        this.out = out;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    @Override
    public void started(Map<TableRef, Long> plannedRows, Map<TableRef, Long> alreadyCopied) {
        planned = plannedRows;
        total = plannedRows.values().stream().mapToLong(Long::longValue).sum();
        alreadyDone = alreadyCopied.values().stream().mapToLong(Long::longValue).sum();
        alreadyCopied.forEach((t, n) -> tableRows.put(t, new AtomicLong(n)));
        start = System.nanoTime();
        lastPrint.set(start);
        out.printf("copy: %d rows in %d tables to copy%s%n", total, plannedRows.size(),
                alreadyDone > 0 ? " (" + alreadyDone + " already copied by an earlier attempt)" : "");
    }

    @Override
    public void chunkCopied(TableRef table, long n, long b, double seconds) {
        long r = rows.addAndGet(n);
        bytes.addAndGet(b);
        long t = tableRows.computeIfAbsent(table, k -> new AtomicLong()).addAndGet(n);
        if (t >= planned.getOrDefault(table, Long.MAX_VALUE)) {
            out.printf("copy: %s done, %d rows%n", table, t);
        }
        long now = System.nanoTime();
        long last = lastPrint.get();
        if (now - last >= intervalNanos && lastPrint.compareAndSet(last, now)) {
            print(r, now);
        }
    }

    private void print(long r, long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = r / seconds;
        long done = r + alreadyDone;
        long left = Math.max(0, total - done);
        out.printf("copy: %d/%d rows (%.0f%%), %.0f rows/s, %.1f MB/s, ETA %ds%n", done, total,
                total == 0 ? 100.0 : 100.0 * done / total, rate, bytes.get() / 1e6 / seconds,
                rate > 0 ? (long) (left / rate) : 0);
    }

    @Override
    public void retrying(TableRef table, int attempt, String reason) {
        out.printf("copy: retrying a chunk of %s (attempt %d): %s%n", table, attempt, reason);
    }

    @Override
    public void finished() {
        print(rows.get(), System.nanoTime());
    }
}
