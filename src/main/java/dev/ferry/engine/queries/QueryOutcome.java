package dev.ferry.engine.queries;

/**
 * One query's result: its status, each side's latency, the target/source p95 ratio, and what went
 * wrong — the first difference, the failure, the plan summary of a query over its budget.
 *
 * @param rows        rows the target returned over all parameter sets (warm-up)
 * @param failure     the side and the database's message when the query failed, else null
 * @param difference  the first difference when the answers differ, else null
 * @param explain     the plan summary when the target missed the budget (and EXPLAIN ran), else null
 */
public record QueryOutcome(String name, QueryStatus status, long budgetMillis, int parameterSets, long rows, LatencyStats source,
                           LatencyStats target, ResultDifference difference, String failure, ExplainSummary explain) {
    /** Target p95 over source p95 (0 when the source took no measurable time or did not run). */
    @com.fasterxml.jackson.annotation.JsonProperty("ratio")
    public double ratio() {
        return source == null || target == null || source.p95Millis() <= 0 ? 0
                : Math.round(target.p95Millis() / source.p95Millis() * 100) / 100.0;
    }

    /** One line saying what is wrong, or "ok". */
    public String detail() {
        return switch (status) {
            case PASS -> "ok";
            case FAILED -> failure;
            case DIFFERENT -> difference.describe();
            case OVER_BUDGET -> "p95 " + target.p95Millis() + " ms over the budget of " + budgetMillis + " ms"
                    + (explain == null ? "" : ": " + String.join("; ", explain.lines()));
        };
    }
}
