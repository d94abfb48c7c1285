package dev.ferry.engine.model;

/**
 * A source column. Expressions ({@code defaultExpression}, {@code computedExpression}) are in the
 * source's own SQL dialect; the target package translates them.
 *
 * @param collation         the source collation, null where the type has none or the dialect has none
 * @param computedPersisted whether a computed column is stored (SQL Server PERSISTED)
 */
public record Column(
        String name,
        DataType type,
        boolean nullable,
        String defaultExpression,
        Identity identity,
        String computedExpression,
        boolean computedPersisted,
        String collation) {

    public static Column of(String name, DataType type, boolean nullable) {
        return new Column(name, type, nullable, null, null, null, false, null);
    }

    public boolean isComputed() {
        return computedExpression != null;
    }

    public Column withDefault(String expression) {
        return new Column(name, type, nullable, expression, identity, computedExpression, computedPersisted, collation);
    }

    public Column withIdentity(Identity value) {
        return new Column(name, type, nullable, defaultExpression, value, computedExpression, computedPersisted, collation);
    }

    public Column withCollation(String value) {
        return new Column(name, type, nullable, defaultExpression, identity, computedExpression, computedPersisted, value);
    }

    public Column withComputed(String expression, boolean persisted) {
        return new Column(name, type, nullable, defaultExpression, identity, expression, persisted, collation);
    }
}
