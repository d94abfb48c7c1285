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
    /** Key types whose captured text is bound as bytes, and compared as the column's own type. */
    static final java.util.Set<String> BINARY = java.util.Set.of("binary", "varbinary");
    /** Columns SQL Server refuses a value for: computed (error 271), rowversion (272/273), GENERATED ALWAYS (period and ledger columns). */
    static final String SERVER_WRITTEN = """
            SELECT c.name, CASE WHEN c.is_computed = 1 THEN 'computed column (SQL Server computes it)'
                                WHEN c.system_type_id = 189 THEN 'rowversion (SQL Server sets it on every write)'
                                ELSE 'GENERATED ALWAYS ' + c.generated_always_type_desc + ' (SQL Server sets it)' END AS why
            FROM sys.columns c
            WHERE c.object_id = OBJECT_ID(?) AND (c.is_computed = 1 OR c.system_type_id = 189 OR c.generated_always_type <> 0)
            ORDER BY c.column_id""";

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
            case "sql_variant" -> SqlServerVariant.select(name);
            default -> name;
        };
    }

    /**
     * Key columns as java.time values the driver binds back losslessly: datetimeoffset as
     * OffsetDateTime (its offset and 100 ns kept; the driver's own DateTimeOffset is no key value
     * Ferry can journal), time as LocalTime (java.sql.Time drops the fraction), datetime2 as
     * LocalDateTime (java.sql.Timestamp is made in the JVM's zone and moves in a DST gap).
     */
    @Override
    public Object keyValue(ResultSet rs, int column) throws SQLException {
        return switch (rs.getMetaData().getColumnTypeName(column).toLowerCase(java.util.Locale.ROOT)) {
            case "datetimeoffset" -> rs.getObject(column, java.time.OffsetDateTime.class);
            case "datetime", "datetime2", "smalldatetime" -> rs.getObject(column, java.time.LocalDateTime.class);
            case "time" -> rs.getObject(column, java.time.LocalTime.class);
            case "date" -> rs.getObject(column, java.time.LocalDate.class);
            default -> SourceDialect.super.keyValue(rs, column);
        };
    }

    /**
     * A char/varchar key compared with a bound value is compared as varchar in the column's
     * collation: mssql-jdbc sends every string as nvarchar (sendStringParametersAsUnicode, on by
     * default), and SQL Server would compare the column as nvarchar, whose order differs from
     * varchar's under SQL_* collations (bounds taken in one order, compared in the other: overlapping
     * chunks) and which turns every seek into a scan (issue 14.5). The COLLATE comes first so the
     * conversion uses the column's code page. A binary/varbinary key's parameter (its bytes, see
     * {@link #keyTextValue}) is typed as the column too.
     */
    @Override
    public String keyParameter(Column column, String parameter) {
        String type = column.type().name().toLowerCase(java.util.Locale.ROOT);
        String length = column.type().isMax() ? "max" : String.valueOf(column.type().length());
        if (BINARY.contains(type) && column.type().length() != null) {
            return "CAST(" + parameter + " AS " + type + "(" + length + "))";
        }
        if (!type.equals("varchar") && !type.equals("char")) {
            return parameter;
        }
        String collate = column.collation() == null ? "" : " COLLATE " + collation(column);
        return "CAST(" + parameter + collate + " AS " + type + "(" + length + "))";
    }

    /**
     * A binary/varbinary key's captured text ({@code \x} hex, as PostgreSQL reads it) goes as its
     * bytes: SQL Server converts nvarchar to varbinary only explicitly (issue 14.3), and then from the
     * text's characters, not its hex.
     */
    @Override
    public Object keyTextValue(Column column, String text) {
        boolean binary = BINARY.contains(column.type().name().toLowerCase(java.util.Locale.ROOT));
        return binary ? dev.ferry.engine.source.KeyText.bytes(column, text) : text;
    }

    private static String collation(Column column) {
        if (!column.collation().matches("[A-Za-z0-9_]+")) {
            throw new dev.ferry.engine.FerryException(dev.ferry.engine.ErrorCode.INTROSPECTION, "Unable to compare key column '"
                    + column.name() + "' in its collation: '" + column.collation() + "' is not a collation name");
        }
        return column.collation();
    }

    @Override
    public String rowCount() {
        return "COUNT_BIG(*)";
    }

    /** Pages chosen at random (SQL Server's TABLESAMPLE reads whole pages too). */
    @Override
    public Optional<String> sampledTable(dev.ferry.engine.model.TableRef table, double percent) {
        return Optional.of(qualified(table) + " TABLESAMPLE SYSTEM (" + dev.ferry.engine.source.SamplePercent.literal(percent) + " PERCENT)");
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

    @Override
    public java.util.Map<String, String> serverWrittenColumns(Connection connection, TableRef table) throws SQLException {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(SERVER_WRITTEN)) {
            ps.setString(1, qualified(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
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

    @Override
    public String octetLength(dev.ferry.engine.model.Column column) {
        return "DATALENGTH(" + quote(column.name()) + ")";
    }

    @Override
    public boolean streamsLongValues() {
        return true;
    }
}
