package dev.ferry.engine.model;

/** An identity column's seed and increment, and the last value the source handed out (null if none yet). */
public record Identity(long seed, long increment, Long lastValue) {
}
