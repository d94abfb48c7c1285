package dev.ferry.engine.verify;

import java.util.List;

/**
 * The validation's result; serialized as validation.json in the format of docs/validation.md.
 *
 * @param result PARITY when every compared table and the schema match, else MISMATCH
 */
public record ValidationReport(String level, Verdict result, double seconds, SchemaResult schema, List<TableResult> tables) {
    /** The validation's answer. */
    public enum Verdict { PARITY, MISMATCH }

    /** One table's answer. */
    public enum TableStatus { EQUAL, MISMATCH }

    /** How a row differs: absent on the target, only on the target, or present on both with other values. */
    public enum DifferenceKind { MISSING, EXTRA, DIFFERENT }

    /** The report of a schema result and table results: PARITY when the schema and every table match. */
    public static ValidationReport of(ValidationLevel level, double seconds, SchemaResult schema, List<TableResult> tables) {
        boolean parity = schema.differences().isEmpty() && tables.stream().allMatch(TableResult::equal);
        return new ValidationReport(level.name().toLowerCase(java.util.Locale.ROOT), parity ? Verdict.PARITY : Verdict.MISMATCH, seconds,
                schema, tables);
    }

    public boolean parity() {
        return result == Verdict.PARITY;
    }

    /**
     * Schema parity: every difference named, and per object kind "found of expected".
     *
     * @param counts e.g. {@code indexes -> "49 of 49"}
     */
    public record SchemaResult(List<String> differences, java.util.Map<String, String> counts) {
    }

    /**
     * One table's comparison.
     *
     * @param mismatchedBuckets hash buckets whose sums differ (hash and diff levels)
     * @param settledOnRecheck  differences that disappeared when rechecked after the delay (rows in flight)
     * @param truncated         more rows differed than the report keeps; totals are lower bounds
     * @param notCompared       generated columns, which PostgreSQL computes itself
     */
    public record TableResult(String source, String target, TableStatus status, long sourceRows, long targetRows, int buckets,
                              int mismatchedBuckets, long missing, long extra, long different, long settledOnRecheck,
                              boolean truncated, List<RowDifference> samples, List<String> notCompared) {
        public boolean equal() {
            return status == TableStatus.EQUAL;
        }
    }

    /** A row missing on the target, extra on the target, or different, by its key. */
    public record RowDifference(DifferenceKind kind, String key, List<ColumnDifference> columns) {
    }

    /** A column whose normalized values differ. */
    public record ColumnDifference(String column, String source, String target) {
    }

    /** A human summary table with the first differences of each table. */
    public String summary() {
        StringBuilder s = new StringBuilder(String.format("Validation (%s): %s in %.1f s%n", level, result, seconds));
        schema.counts().forEach((k, v) -> s.append("  ").append(k).append(": ").append(v).append('\n'));
        schema.differences().forEach(d -> s.append("  schema: ").append(d).append('\n'));
        s.append(String.format("  %-32s %-9s %10s %10s %8s %8s %8s%n", "table", "status", "source", "target", "missing", "extra", "differ"));
        for (TableResult t : tables) {
            s.append(String.format("  %-32s %-9s %10d %10d %8d %8d %8d%n", t.source(), t.status(), t.sourceRows(), t.targetRows(),
                    t.missing(), t.extra(), t.different()));
            t.samples().stream().limit(5).forEach(d -> s.append("      ").append(d.kind()).append(' ').append(d.key())
                    .append(d.columns().isEmpty() ? "" : ": " + d.columns().stream().map(c -> c.column() + " source=" + c.source()
                            + " target=" + c.target()).reduce((a, b) -> a + "; " + b).orElse("")).append('\n'));
        }
        return s.toString();
    }
}
