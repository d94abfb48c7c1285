package dev.ferry.engine.source;

import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.source.expr.ExpressionTranslator;
import dev.ferry.engine.target.TypeMapper;
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
}
