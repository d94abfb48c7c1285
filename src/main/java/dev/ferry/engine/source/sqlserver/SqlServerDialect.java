package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.expr.ExpressionTranslator;
import dev.ferry.engine.convert.TypeMapper;
import java.sql.Connection;

/** Microsoft SQL Server and Azure SQL Database, read through mssql-jdbc and the sys.* catalog views. */
public final class SqlServerDialect implements SourceDialect {
    static final String PRODUCT = "SQL Server";
    static final String DEFAULT_SCHEMA = "dbo";

    private final TypeMapper types = new SqlServerTypeMapper();
    private final ExpressionTranslator expressions = SqlServerExpressions.translator();

    @Override
    public String product() {
        return PRODUCT;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlserver:");
    }

    @Override
    public String defaultSchema() {
        return DEFAULT_SCHEMA;
    }

    @Override
    public DatabaseSchema introspect(Connection connection) {
        return fromCatalog(new SqlServerCatalogReader().read(connection));
    }

    /** Builds the model from catalog rows already read (used for fixtures). */
    public DatabaseSchema fromCatalog(SqlServerCatalog catalog) {
        return new SqlServerSchemaBuilder(catalog).build();
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
    public String selectExpression(Column column) {
        String name = quote(column.name());
        return switch (column.type().name()) {
            case "hierarchyid" -> name + ".ToString()";
            case "geography", "geometry" -> name + ".STAsText()";
            case "sql_variant" -> "CONVERT(nvarchar(4000), " + name + ")";
            default -> name;
        };
    }

    @Override
    public String rowCount() {
        return "COUNT_BIG(*)";
    }

    @Override
    public String quote(String identifier) {
        return "[" + identifier.replace("]", "]]") + "]";
    }
}
