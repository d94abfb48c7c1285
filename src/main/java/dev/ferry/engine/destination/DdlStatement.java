package dev.ferry.engine.destination;

/**
 * One DDL statement and the object it creates, so a failure can name the object.
 *
 * @param object  e.g. {@code index public.Account_userId_idx}
 * @param present a query, with one bound parameter, that returns a row when the object already
 *                exists under another step's name; null when the journal's step alone decides
 */
public record DdlStatement(String object, String sql, Presence present) {
    /** A query that finds the object ({@code sql} with {@code parameter} bound as its one parameter). */
    public record Presence(String sql, String parameter) {
    }

    public DdlStatement(String object, String sql) {
        this(object, sql, null);
    }
}
