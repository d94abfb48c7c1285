package dev.ferry.engine.queries;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code EXPLAIN (ANALYZE, BUFFERS)} says of a PostgreSQL query that missed its budget: its
 * server-side time, the buffers it touched, the sequential scans of large tables (with the index
 * that would serve the scan's filter or join), and the plan nodes whose row estimate is off by
 * {@value ExplainAnalyzer#MISESTIMATE_FACTOR}× or more.
 */
public record ExplainSummary(double executionMillis, double planningMillis, long sharedHitBlocks, long sharedReadBlocks,
                             List<SeqScan> seqScans, List<Misestimate> misestimates) {

    /**
     * A sequential scan that read {@code rowsRead} rows of {@code table} (over all loops).
     *
     * @param columns       the table's columns its filter or join condition uses, in order of appearance
     * @param suggestion    {@code CREATE INDEX ...} on those columns, or null when none were found
     * @param existingIndex an index that already starts with the first of them (the planner chose not to use it), or null
     */
    public record SeqScan(String table, long rowsRead, String filter, List<String> columns, String suggestion, String existingIndex) {
    }

    /** A plan node whose estimate and actual rows (per loop) differ {@value ExplainAnalyzer#MISESTIMATE_FACTOR}× or more. */
    public record Misestimate(String node, String table, double estimatedRows, double actualRows) {
    }

    /** The findings as lines for a console or report. */
    @com.fasterxml.jackson.annotation.JsonProperty("findings")
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(java.util.Locale.ROOT, "server time %.1f ms (planning %.1f ms), buffers hit %d, read %d", executionMillis,
                planningMillis, sharedHitBlocks, sharedReadBlocks));
        for (SeqScan s : seqScans) {
            String line = "sequential scan of " + s.table() + " reading " + s.rowsRead() + " rows"
                    + (s.filter() != null ? " (filter " + s.filter() + ")" : "");
            if (s.existingIndex() != null) {
                line += "; index " + s.existingIndex() + " exists on " + s.columns().get(0) + " but was not used";
            } else if (s.suggestion() != null) {
                line += "; an index on " + s.columns() + " would serve it: " + s.suggestion();
            }
            out.add(line);
        }
        for (Misestimate m : misestimates) {
            out.add(String.format(java.util.Locale.ROOT, "%s%s estimated %.0f rows, got %.0f", m.node(),
                    m.table() == null ? "" : " on " + m.table(), m.estimatedRows(), m.actualRows()));
        }
        return out;
    }
}
