package dev.ferry.engine.model;

/** A CHECK constraint with its expression in the source's SQL. */
public record CheckConstraint(String name, String expression) {
}
