package dev.ferry.engine.queries;

/** How one query of a workload came out, worst last. */
public enum QueryStatus {
    /** Same answer on both sides, the target's p95 within the budget. */
    PASS,
    /** Same answer, but the target's p95 is over the budget. */
    OVER_BUDGET,
    /** The answers differ (columns or rows). */
    DIFFERENT,
    /** The query failed on a side (a syntax error, a missing table, ...). */
    FAILED
}
