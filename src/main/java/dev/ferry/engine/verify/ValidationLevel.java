package dev.ferry.engine.verify;

/** How deep the validation looks. */
public enum ValidationLevel {
    /** Row counts per table. */
    COUNT,
    /** A hash of every column of every row per bucket of keys; differing buckets are opened to name a first sample of rows. */
    HASH,
    /** As hash, and every differing bucket is compared row by row (capped, with totals). */
    DIFF
}
