package dev.ferry.engine.source.postgres;

import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.expr.ExpressionTranslator;
import dev.ferry.engine.source.expr.TokenExpressionTranslator;
import dev.ferry.engine.source.TypeMapper;
import dev.ferry.engine.config.FreezeConfig;
import dev.ferry.engine.source.WriteFreeze;
import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.ChangeCapture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Map;

/**
 * PostgreSQL as a source (moves off a retired Single Server or from on-premises) and as the
 * reader of a target's catalog. Expressions are already PostgreSQL: only column names change.
 */
public final class PostgresDialect implements SourceDialect {
    static final String PRODUCT = "PostgreSQL";
    static final String DEFAULT_SCHEMA = "public";
    /** The server instance (its start time) and the database (oid and name): equal on both sides only for one database. */
    static final String DATABASE_IDENTITY = "SELECT pg_postmaster_start_time()::text || '/' || d.oid || '/' || d.datname "
            + "FROM pg_database d WHERE d.datname = current_database()";

    private final TypeMapper types = new PostgresTypeMapper();
    private final ExpressionTranslator expressions = new TokenExpressionTranslator(false, Map.of(), true, false);

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

    /** Bytes of a value as stored; xml, json and other types by their text. */
    @Override
    public String octetLength(dev.ferry.engine.model.Column column) {
        String type = column.type().name().toLowerCase(java.util.Locale.ROOT);
        boolean direct = type.equals("bytea") || type.equals("text") || type.startsWith("character varying") || type.startsWith("varchar");
        return "octet_length(" + quote(column.name()) + (direct ? "" : "::text") + ")";
    }

    /** Pages chosen at random: reads about {@code percent} % of the table instead of all of it. */
    @Override
    public java.util.Optional<String> sampledTable(dev.ferry.engine.model.TableRef table, double percent) {
        return java.util.Optional.of(qualified(table) + " TABLESAMPLE SYSTEM (" + dev.ferry.engine.source.SamplePercent.literal(percent) + ")");
    }

    @Override
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /**
     * Temporal keys as java.time values: {@code java.sql.Timestamp} turns BC years into AD and
     * loses a {@code timestamptz}'s offset in a DST fall-back (issue 12.2); ±infinity become the
     * types' MIN and MAX, as pgjdbc reads and writes them; {@code time} as LocalTime, 24:00 as its MAX.
     */
    @Override
    public Object keyValue(ResultSet rs, int column) throws SQLException {
        return switch (rs.getMetaData().getColumnTypeName(column)) {
            case "timestamp" -> rs.getObject(column, LocalDateTime.class);
            case "timestamptz" -> rs.getObject(column, OffsetDateTime.class);
            case "date" -> rs.getObject(column, LocalDate.class);
            // java.sql.Time is no chunk bound (issue 14); pgjdbc reads 24:00 as LocalTime.MAX
            case "time" -> rs.getObject(column, java.time.LocalTime.class);
            default -> rs.getObject(column);
        };
    }

    /**
     * Every bound goes as untyped text in PostgreSQL's own input form — the same text the
     * pass-through writes as a literal — so it takes the key column's type: pgjdbc's java.time
     * binding turns dates before 4713 BC into -infinity (issue 12.2), a double compared with a
     * numeric key would compare as double, and a varchar compared with an enum key has no operator.
     */
    @Override
    public void bindKey(PreparedStatement ps, int index, Object value) throws SQLException {
        ps.setObject(index, PostgresLiterals.text(value), java.sql.Types.OTHER);
    }

    /** Key text goes untyped, so PostgreSQL reads it as the key column's type (bytea from its {@code \x} hex). */
    @Override
    public void bindKeyText(PreparedStatement ps, int index, Column column, String text) throws SQLException {
        ps.setObject(index, text, java.sql.Types.OTHER);
    }

    @Override
    public String boundLiteral(Object value) {
        return PostgresLiterals.literal(value);
    }

    @Override
    public Optional<ChangeCapture> changeCapture() {
        return Optional.of(new PostgresChangeCapture());
    }

    @Override
    public boolean isSameDatabase(Connection source, Connection target) throws SQLException {
        return databaseIdentity(source).equals(databaseIdentity(target));
    }

    private static String databaseIdentity(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DATABASE_IDENTITY); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** PostgreSQL takes PostgreSQL's own values back as they are. */
    @Override
    public Object fromPostgres(Object value) {
        return value;
    }

    @Override
    public String insertOverriding(dev.ferry.engine.model.Identity identity) {
        return identity != null && identity.always() ? " OVERRIDING SYSTEM VALUE" : "";
    }

    @Override
    public boolean updatesIdentity(dev.ferry.engine.model.Identity identity) {
        return identity == null || !identity.always();
    }

    @Override
    public boolean copiesAsPostgresBinary() {
        return true;
    }

    @Override
    public Optional<WriteFreeze> writeFreeze(FreezeConfig config) {
        return Optional.of(new PostgresWriteFreeze(config.postgresRoles()));
    }

    @Override
    public void raiseIdentity(Connection connection, TableRef table, Column column, long next) throws SQLException {
        // nextval then setval(…, false): the next value handed out is the larger of the two, never lower
        try (PreparedStatement ps = connection.prepareStatement("SELECT setval(s, GREATEST(?, nextval(s)), false) "
                + "FROM pg_get_serial_sequence(?, ?) AS s")) {
            ps.setLong(1, next);
            ps.setString(2, qualified(table));
            ps.setString(3, column.name());
            ps.execute();
        }
    }

    /** A PostgreSQL view's text is already PostgreSQL: kept as written, as long as the config keeps every name. */
    @Override
    public dev.ferry.engine.source.expr.ViewTranslator viewTranslator() {
        return (view, names) -> names.keepsNames()
                ? dev.ferry.engine.source.expr.ViewTranslation.ok(view.definition(), view.dependsOn())
                : dev.ferry.engine.source.expr.ViewTranslation.failed("the config renames names (names: snake_case or "
                        + "schemas:), and Ferry keeps a PostgreSQL view's text as written");
    }

    @Override
    public java.util.List<dev.ferry.engine.model.Sequence> sequences(Connection connection) {
        return new PostgresObjectReader(connection).sequences();
    }
}
