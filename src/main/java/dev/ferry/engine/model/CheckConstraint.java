package dev.ferry.engine.model;

/**
 * A CHECK constraint with its expression in the source's SQL.
 *
 * @param trusted whether the source guarantees every row satisfies it; an untrusted CHECK (SQL Server's
 *                {@code is_not_trusted}, created or re-enabled {@code WITH NOCHECK}) may have violating rows,
 *                so the target creates it {@code NOT VALID}
 */
public record CheckConstraint(String name, String expression, boolean trusted) {
    /** A CHECK every row satisfies. */
    public CheckConstraint(String name, String expression) {
        this(name, expression, true);
    }
}
