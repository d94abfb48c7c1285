package dev.ferry.engine.model;

/**
 * A source column. Expressions ({@code defaultExpression}, {@code computedExpression}) are in the
 * source's own SQL dialect; the target package translates them.
 *
 * @param collation         the source collation, null where the type has none or the dialect has none
 * @param computedPersisted whether a computed column is stored (SQL Server PERSISTED)
 * @param comment           the column's description (MS_Description, COMMENT ON COLUMN), or null
 */
public record Column(
        String name,
        DataType type,
        boolean nullable,
        String defaultExpression,
        Identity identity,
        String computedExpression,
        boolean computedPersisted,
        String collation,
        String comment) {

    /** A column without a comment. */
    public Column(String name, DataType type, boolean nullable, String defaultExpression, Identity identity,
                  String computedExpression, boolean computedPersisted, String collation) {
        this(name, type, nullable, defaultExpression, identity, computedExpression, computedPersisted, collation, null);
    }

    public static Column of(String name, DataType type, boolean nullable) {
        return new Column(name, type, nullable, null, null, null, false, null);
    }

    public boolean isComputed() {
        return computedExpression != null;
    }

    public Column withDefault(String expression) {
        return new Column(name, type, nullable, expression, identity, computedExpression, computedPersisted, collation, comment);
    }

    public Column withIdentity(Identity value) {
        return new Column(name, type, nullable, defaultExpression, value, computedExpression, computedPersisted, collation, comment);
    }

    public Column withCollation(String value) {
        return new Column(name, type, nullable, defaultExpression, identity, computedExpression, computedPersisted, value, comment);
    }

    public Column withComputed(String expression, boolean persisted) {
        return new Column(name, type, nullable, defaultExpression, identity, expression, persisted, collation, comment);
    }

    public Column withComment(String value) {
        return new Column(name, type, nullable, defaultExpression, identity, computedExpression, computedPersisted, collation, value);
    }
}
