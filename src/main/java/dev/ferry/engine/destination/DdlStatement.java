package dev.ferry.engine.destination;

/**
 * One DDL statement and the object it creates, so a failure can name the object.
 *
 * @param object e.g. {@code index public.Account_userId_idx}
 */
public record DdlStatement(String object, String sql) {
}
