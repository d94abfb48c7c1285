package dev.ferry.engine.model;

/**
 * One line of the assessment.
 *
 * @param object the source object, e.g. {@code dbo.Account.createdAt} or {@code dbo.Account.IX_user}
 */
public record Finding(Severity severity, Category category, String object, String message) {
    /** How much attention a finding needs. */
    public enum Severity { INFO, WARNING, ERROR }

    /** What a finding is about. */
    public enum Category { TYPE, DEFAULT, COMPUTED, COLLATION, CHECK, INDEX, KEY, NAME, NOT_CONVERTED, VIEW, COMMENT }
}
