package dev.ferry.engine.model;

/**
 * A source SEQUENCE object that no column owns (identity sequences belong to their {@link Identity}).
 *
 * @param type      the source's type name of the sequence's values (bigint, int, smallint, decimal …)
 * @param minValue  null for the type's minimum
 * @param maxValue  null for the type's maximum
 * @param cache     how many values the source pre-allocates; null or 1 for none
 * @param lastValue the last value the source handed out, or null if it has handed out none
 */
public record Sequence(TableRef ref, String type, long start, long increment, Long minValue, Long maxValue,
                       boolean cycle, Long cache, Long lastValue) {
    /** The value the sequence hands out next on the source. */
    public long nextValue() {
        return lastValue == null ? start : lastValue + increment;
    }
}
