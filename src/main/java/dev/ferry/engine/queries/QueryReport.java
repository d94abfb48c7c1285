package dev.ferry.engine.queries;

import java.util.List;
import java.util.Locale;

/**
 * A workload's outcome: every query's result, and the verdict over all of them — DIFFERENT when a
 * query's answers differ or it failed, else OVER_BUDGET when a target p95 missed its budget, else
 * PASS.
 */
public record QueryReport(int runs, double seconds, List<QueryOutcome> queries) {
    /** The overall verdict. */
    public enum Verdict { PASS, OVER_BUDGET, DIFFERENT }

    public QueryReport {
        queries = List.copyOf(queries);
    }

    @com.fasterxml.jackson.annotation.JsonProperty("verdict")
    public Verdict verdict() {
        if (queries.stream().anyMatch(q -> q.status() == QueryStatus.DIFFERENT || q.status() == QueryStatus.FAILED)) {
            return Verdict.DIFFERENT;
        }
        return queries.stream().anyMatch(q -> q.status() == QueryStatus.OVER_BUDGET) ? Verdict.OVER_BUDGET : Verdict.PASS;
    }

    /** The query of {@code name}, if the workload has it. */
    public java.util.Optional<QueryOutcome> query(String name) {
        return queries.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    /** A fixed-width table of the queries and their latencies, and the problems found, for a console. */
    public String table() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-32s %-11s %6s %9s %9s %9s %9s %6s %7s%n", "query", "status", "rows",
                "src p50", "src p95", "tgt p50", "tgt p95", "ratio", "budget"));
        for (QueryOutcome q : queries) {
            s.append(String.format(Locale.ROOT, "%-32s %-11s %6d %9s %9s %9s %9s %6s %7d%n", cut(q.name()), q.status(), q.rows(),
                    ms(q.source() == null ? null : q.source().p50Millis()), ms(q.source() == null ? null : q.source().p95Millis()),
                    ms(q.target() == null ? null : q.target().p50Millis()), ms(q.target() == null ? null : q.target().p95Millis()),
                    q.ratio() == 0 ? "-" : q.ratio() + "x", q.budgetMillis()));
        }
        queries.stream().filter(q -> q.status() != QueryStatus.PASS).forEach(q -> s.append(q.name()).append(": ").append(q.detail())
                .append(System.lineSeparator()));
        return s.append("Queries: ").append(verdict()).append(" (").append(queries.size()).append(" queries, ").append(runs)
                .append(" runs each)").toString();
    }

    private static String cut(String name) {
        return name.length() <= 32 ? name : name.substring(0, 31) + "…";
    }

    private static String ms(Double millis) {
        return millis == null ? "-" : String.format(Locale.ROOT, "%.1f ms", millis);
    }
}
