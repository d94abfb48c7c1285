package dev.ferry.engine.convert;

/**
 * A source object whose PostgreSQL name is not its own name in the configured style, e.g. an index
 * renamed because another table of the schema has an index of the same name.
 *
 * @param object the source object, e.g. {@code index dbo.Orders.IX_CreatedAt}
 * @param from   its name in the source
 * @param to     its name on the target
 */
public record NameChange(String object, String from, String to) {
    @Override
    public String toString() {
        return object + ": " + from + " -> " + to;
    }
}
