package dev.ferry.engine.source;

import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.source.expr.ExpressionTranslator;
import dev.ferry.engine.convert.TypeMapper;
import java.sql.Connection;

/**
 * Everything Ferry needs to know about one kind of source database. One implementation per
 * vendor, each in its own package: {@code sqlserver}, {@code postgres}, {@code h2}.
 */
public interface SourceDialect {
    /** The product's name as shown to people, e.g. "SQL Server". */
    String product();

    /** Whether this dialect handles databases reached through {@code jdbcUrl}. */
    boolean accepts(String jdbcUrl);

    /** The schema unqualified names resolve to (dbo, PUBLIC, public); it becomes {@code public} on the target. */
    String defaultSchema();

    /**
     * Reads every user table with its columns, keys, indexes, foreign keys and CHECKs, and lists
     * the objects Ferry does not convert. Catalog errors surface as
     * {@link dev.ferry.engine.ErrorCode#INTROSPECTION}.
     */
    DatabaseSchema introspect(Connection connection);

    /** This dialect's column types to PostgreSQL. */
    TypeMapper typeMapper();

    /** This dialect's expressions (defaults, CHECKs, filters, computed columns) to PostgreSQL. */
    ExpressionTranslator expressionTranslator();

    /** Quotes an identifier for use in this dialect's SQL. */
    String quote(String identifier);

    /** The schema-qualified, quoted name of a table in this dialect's SQL. */
    default String qualified(dev.ferry.engine.model.TableRef table) {
        return quote(table.schema()) + "." + quote(table.name());
    }

    /**
     * How the copy selects a column: the quoted name, or an expression that turns a type the
     * driver cannot hand over as-is into the value the mapping promises (SQL Server's spatial and
     * hierarchy types become text).
     */
    default String selectExpression(dev.ferry.engine.model.Column column) {
        return quote(column.name());
    }

    /** The aggregate that counts rows without overflowing. */
    default String rowCount() {
        return "count(*)";
    }

    /** Makes a connection stream large results instead of buffering them (PostgreSQL needs a transaction). */
    default void prepareForStreaming(Connection connection) throws java.sql.SQLException {
        connection.setReadOnly(true);
    }
}
