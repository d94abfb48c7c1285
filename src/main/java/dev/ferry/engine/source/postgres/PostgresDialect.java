package dev.ferry.engine.source.postgres;

import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.expr.ExpressionTranslator;
import dev.ferry.engine.source.expr.TokenExpressionTranslator;
import dev.ferry.engine.convert.TypeMapper;
import java.sql.Connection;
import java.util.Map;

/**
 * PostgreSQL as a source (moves off a retired Single Server or from on-premises) and as the
 * reader of a target's catalog. Expressions are already PostgreSQL: only column names change.
 */
public final class PostgresDialect implements SourceDialect {
    static final String PRODUCT = "PostgreSQL";
    static final String DEFAULT_SCHEMA = "public";

    private final TypeMapper types = new PostgresTypeMapper();
    private final ExpressionTranslator expressions = new TokenExpressionTranslator(false, Map.of(), true);

    @Override
    public String product() {
        return PRODUCT;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String defaultSchema() {
        return DEFAULT_SCHEMA;
    }

    @Override
    public DatabaseSchema introspect(Connection connection) {
        return new PostgresCatalogReader(connection).read();
    }

    @Override
    public TypeMapper typeMapper() {
        return types;
    }

    @Override
    public ExpressionTranslator expressionTranslator() {
        return expressions;
    }

    @Override
    public void prepareForStreaming(Connection connection) throws java.sql.SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
    }

    @Override
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
