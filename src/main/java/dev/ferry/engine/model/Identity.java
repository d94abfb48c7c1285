package dev.ferry.engine.model;

/**
 * An identity column's seed and increment, the last value the source handed out (null if none
 * yet), and whether it is {@code GENERATED ALWAYS} (explicit values refused without
 * {@code OVERRIDING SYSTEM VALUE}) rather than {@code BY DEFAULT}.
 */
public record Identity(long seed, long increment, Long lastValue, boolean always) {
    /** A BY DEFAULT identity, as SQL Server's IDENTITY behaves with IDENTITY_INSERT. */
    public Identity(long seed, long increment, Long lastValue) {
        this(seed, increment, lastValue, false);
    }
}
