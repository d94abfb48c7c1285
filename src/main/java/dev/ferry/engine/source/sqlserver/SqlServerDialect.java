package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.expr.ExpressionTranslator;
import dev.ferry.engine.source.TypeMapper;
import dev.ferry.engine.config.FreezeConfig;
import dev.ferry.engine.source.WriteFreeze;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.ChangeCapture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Microsoft SQL Server and Azure SQL Database, read through mssql-jdbc and the sys.* catalog views. */
public final class SqlServerDialect implements SourceDialect {
    static final String PRODUCT = "SQL Server";
    static final String DEFAULT_SCHEMA = "dbo";
    static final String IDENT_CURRENT = "SELECT IDENT_CURRENT(?)";

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
        return fromCatalog(new SqlServerCatalogReader().read(connection), new SqlServerObjectReader().read(connection));
    }

    /** Builds the model, views, sequences and descriptions included, from catalog rows already read (used for fixtures). */
    public DatabaseSchema fromCatalog(SqlServerCatalog catalog, SqlServerObjectCatalog objects) {
        return new SqlServerObjectBuilder(catalog, objects).apply(fromCatalog(catalog));
    }

    @Override
    public java.util.List<dev.ferry.engine.model.Sequence> sequences(Connection connection) {
        java.util.List<dev.ferry.engine.model.Finding> ignored = new java.util.ArrayList<>();
        return new SqlServerObjectReader().sequences(connection).stream()
                .map(s -> SqlServerObjectBuilder.sequence(s, ignored)).toList();
    }

    @Override
    public dev.ferry.engine.source.expr.ViewTranslator viewTranslator() {
        return new dev.ferry.engine.source.expr.TokenViewTranslator(true, true, SqlServerExpressions.FUNCTIONS,
                t -> java.util.Optional.ofNullable(types.map(t)).map(dev.ferry.engine.source.MappedType::sql).orElse(null),
                DEFAULT_SCHEMA);
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

    @Override
    public Optional<ChangeCapture> changeCapture() {
        return Optional.of(new SqlServerChangeCapture());
    }

    @Override
    public Optional<WriteFreeze> writeFreeze(FreezeConfig config) {
        return Optional.of(new SqlServerWriteFreeze(config));
    }

    @Override
    public void allowExplicitIdentity(Connection connection, TableRef table, boolean allow) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET IDENTITY_INSERT " + qualified(table) + (allow ? " ON" : " OFF"));
        }
    }

    @Override
    public void raiseIdentity(Connection connection, TableRef table, Column column, long next) throws SQLException {
        long current;
        try (PreparedStatement ps = connection.prepareStatement(IDENT_CURRENT)) {
            ps.setString(1, qualified(table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                current = rs.getLong(1);
            }
        }
        long increment = column.identity() == null ? 1 : column.identity().increment();
        // RESEED n makes the next value n + increment on a table that has rows (it has: the max came from it)
        if (next - increment > current) {
            try (Statement st = connection.createStatement()) {
                st.execute("DBCC CHECKIDENT (N'" + qualified(table).replace("'", "''") + "', RESEED, " + (next - increment) + ")");
            }
        }
    }

    /** SQL Server never updates an identity column, IDENTITY_INSERT or not. */
    @Override
    public boolean updatesIdentity(dev.ferry.engine.model.Identity identity) {
        return identity == null;
    }

    @Override
    public Object fromPostgres(Object value) {
        return value instanceof java.util.UUID uuid ? uuid.toString() : SourceDialect.super.fromPostgres(value);
    }
}
