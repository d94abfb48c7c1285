package dev.ferry.engine.config;

/** How source identifiers become PostgreSQL identifiers. */
public enum NameStyle {
    /** Exactly as the source spells them ("Account", "createdAt"), quoted where needed. */
    KEEP,
    /** Folded to snake_case ("created_at"). */
    SNAKE_CASE
}
