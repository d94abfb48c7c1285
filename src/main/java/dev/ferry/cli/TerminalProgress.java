package dev.ferry.cli;

import dev.ferry.engine.copy.CopyProgress;
import dev.ferry.engine.model.TableRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars on a terminal (me.tongfei:progressbar): one per table and one overall, with rows/s, MB/s and ETA. */
final class TerminalProgress implements CopyProgress {
    private final Map<TableRef, ProgressBar> bars = new LinkedHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private ProgressBar overall;
    private long start;

    @Override
    public synchronized void started(Map<TableRef, Long> plannedRows, Map<TableRef, Long> alreadyCopied) {
        start = System.nanoTime();
        long total = plannedRows.values().stream().mapToLong(Long::longValue).sum();
        long done = alreadyCopied.values().stream().mapToLong(Long::longValue).sum();
        plannedRows.forEach((t, n) -> bars.put(t, bar(t.toString(), n, alreadyCopied.getOrDefault(t, 0L))));
        overall = bar("all tables", total, done);
    }

    private static ProgressBar bar(String name, long max, long from) {
        return new ProgressBarBuilder().setTaskName(String.format("%-28.28s", name)).setInitialMax(Math.max(max, 1))
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" rows", 1).showSpeed()
                .setUpdateIntervalMillis(500).startsFrom(from, java.time.Duration.ZERO).build();
    }

    @Override
    public synchronized void chunkCopied(TableRef table, long rows, long b, double chunkSeconds) {
        ProgressBar bar = bars.get(table);
        long total = bytes.addAndGet(b);
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        if (bar != null) {
            bar.stepBy(rows);
        }
        overall.stepBy(rows);
        overall.setExtraMessage(String.format(" %.1f MB/s", total / 1e6 / seconds));
    }

    @Override
    public synchronized void retrying(TableRef table, int attempt, String reason) {
        ProgressBar bar = bars.get(table);
        if (bar != null) {
            bar.setExtraMessage("retry " + attempt);
        }
    }

    @Override
    public synchronized void finished() {
        bars.values().forEach(ProgressBar::close);
        if (overall != null) {
            overall.close();
        }
    }
}
