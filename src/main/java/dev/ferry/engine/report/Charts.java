package dev.ferry.engine.report;

import dev.ferry.engine.copy.CopyReport;
import dev.ferry.engine.cutover.TimelineEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's charts as SVG geometry, computed here so the page needs no script: every shape's
 * position and size in user units, and its labels as text (escaped where the page prints them).
 */
public final class Charts {
    static final int WIDTH = 900;
    static final int LABEL = 240;
    static final int ROW = 22;

    private Charts() {
    }

    /** Horizontal bars, one per table. */
    public record Bars(int width, int height, List<Bar> bars) {
        static final Bars EMPTY = new Bars(WIDTH, 0, List.of());
    }

    /** One bar: its label, its length and row, and the value written beside it. */
    public record Bar(String label, int y, int length, String value) {
    }

    /** A range per table: minimum to maximum, the median as a mark, the 90th percentile as a tick. */
    public record Spreads(int width, int height, String scale, List<Spread> rows) {
        static final Spreads EMPTY = new Spreads(WIDTH, 0, "", List.of());
    }

    public record Spread(String label, int y, int min, int median, int p90, int max, String value) {
    }

    /** Points on one time axis: each step a mark, red when it went badly. */
    public record Timeline(int width, int height, String scale, List<Mark> marks) {
        static final Timeline EMPTY = new Timeline(WIDTH, 0, "", List.of());
    }

    public record Mark(String step, int x, int y, boolean ok, String at, String detail) {
    }

    /** Rows per second of each table. */
    static Bars throughput(CopyReport copy) {
        long max = copy.tables().stream().mapToLong(CopyReport.TableReport::rowsPerSecond).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (CopyReport.TableReport t : copy.tables()) {
            int length = max == 0 ? 0 : (int) Math.round((WIDTH - LABEL - 140) * (double) t.rowsPerSecond() / max);
            bars.add(new Bar(t.source(), y, Math.max(length, t.rowsPerSecond() > 0 ? 1 : 0),
                    String.format("%,d rows/s", t.rowsPerSecond())));
            y += ROW;
        }
        return new Bars(WIDTH, y, bars);
    }

    /** Each table's chunk durations, on one scale for all tables. */
    static Spreads chunkDurations(CopyReport copy) {
        double max = copy.tables().stream().flatMap(t -> t.chunkSeconds().stream()).mapToDouble(Double::doubleValue).max().orElse(0);
        List<Spread> rows = new ArrayList<>();
        int y = 0;
        int span = WIDTH - LABEL - 330; // room for the figures written after the range
        for (CopyReport.TableReport t : copy.tables()) {
            List<Double> s = t.chunkSeconds();
            if (s.size() != 4) {
                continue;
            }
            rows.add(new Spread(t.source(), y, x(s.get(0), max, span), x(s.get(1), max, span), x(s.get(2), max, span),
                    x(s.get(3), max, span), String.format("median %.2f s · p90 %.2f s · max %.2f s · %d chunks", s.get(1), s.get(2),
                            s.get(3), t.chunks())));
            y += ROW;
        }
        return new Spreads(WIDTH, y, String.format("0 to %.2f s", max), rows);
    }

    /** The cutover's steps along its time axis. */
    static Timeline timeline(List<TimelineEntry> entries) {
        long end = entries.stream().mapToLong(TimelineEntry::atMillis).max().orElse(0);
        List<Mark> marks = new ArrayList<>();
        int y = 0;
        for (TimelineEntry e : entries) {
            marks.add(new Mark(e.step(), x(e.atMillis(), end, WIDTH - LABEL - 20), y, e.ok(), at(e.atMillis()), e.detail()));
            y += ROW;
        }
        return new Timeline(WIDTH, y, "0 to " + at(end), marks);
    }

    private static int x(double value, double max, int span) {
        return max <= 0 ? 0 : (int) Math.round(span * value / max);
    }

    private static String at(long millis) {
        return millis < 10_000 ? millis + " ms" : millis < 600_000 ? String.format("%.1f s", millis / 1000.0)
                : String.format("%d min %02d s", millis / 60_000, millis / 1000 % 60);
    }
}
