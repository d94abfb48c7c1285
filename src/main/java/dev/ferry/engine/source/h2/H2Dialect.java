package dev.ferry.engine.source.h2;

import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.expr.ExpressionTranslator;
import dev.ferry.engine.source.expr.FunctionRule;
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
import java.sql.Statement;
import java.util.Optional;
import java.util.Map;

/** H2, run in MODE=MSSQLServer as the embedded stand-in for SQL Server in the demo and tests. */
public final class H2Dialect implements SourceDialect {
    static final String PRODUCT = "H2";
    static final String DEFAULT_SCHEMA = "PUBLIC";
    static final String IDENTITY_BASE = "SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? "
            + "AND TABLE_NAME = ? AND COLUMN_NAME = ? AND IS_IDENTITY = 'YES'";

    static final Map<String, FunctionRule> FUNCTIONS = Map.ofEntries(
            Map.entry("random_uuid", FunctionRule.call("gen_random_uuid()")),
            Map.entry("uuid", FunctionRule.call("gen_random_uuid()")),
            Map.entry("current_timestamp", FunctionRule.call("CURRENT_TIMESTAMP")),
            Map.entry("localtimestamp", FunctionRule.call("LOCALTIMESTAMP")),
            Map.entry("len", FunctionRule.rename("length")),
            Map.entry("length", FunctionRule.rename("length")),
            Map.entry("char_length", FunctionRule.rename("char_length")),
            Map.entry("upper", FunctionRule.rename("upper")),
            Map.entry("lower", FunctionRule.rename("lower")),
            Map.entry("trim", FunctionRule.rename("trim")),
            Map.entry("ltrim", FunctionRule.rename("ltrim")),
            Map.entry("rtrim", FunctionRule.rename("rtrim")),
            Map.entry("coalesce", FunctionRule.rename("coalesce")),
            Map.entry("nullif", FunctionRule.rename("nullif")),
            Map.entry("abs", FunctionRule.rename("abs")),
            Map.entry("round", FunctionRule.rename("round")),
            Map.entry("substring", FunctionRule.rename("substring")),
            Map.entry("replace", FunctionRule.rename("replace")));

    private final TypeMapper types = new H2TypeMapper();
    private final ExpressionTranslator expressions = new TokenExpressionTranslator(false, FUNCTIONS, false, true);

    @Override
    public String product() {
        return PRODUCT;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String defaultSchema() {
        return DEFAULT_SCHEMA;
    }

    @Override
    public DatabaseSchema introspect(Connection connection) {
        return new H2CatalogReader(connection).read();
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
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public Optional<ChangeCapture> changeCapture() {
        return Optional.of(new H2ChangeCapture());
    }

    @Override
    public Optional<WriteFreeze> writeFreeze(FreezeConfig config) {
        return Optional.of(new H2WriteFreeze());
    }

    /** H2 refuses a value for a generated column (error 90154). */
    @Override
    public java.util.Map<String, String> serverWrittenColumns(Connection connection, TableRef table) throws SQLException {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND IS_GENERATED = 'ALWAYS' ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), "generated column (H2 computes it)");
                }
            }
        }
        return out;
    }

    @Override
    public void raiseIdentity(Connection connection, TableRef table, Column column, long next) throws SQLException {
        long base;
        try (PreparedStatement ps = connection.prepareStatement(IDENTITY_BASE)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            ps.setString(3, column.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("column " + table + "." + column.name() + " is not an identity");
                }
                base = rs.getLong(1);
            }
        }
        if (next > base) {
            try (Statement st = connection.createStatement()) {
                st.execute("ALTER TABLE " + qualified(table) + " ALTER COLUMN " + quote(column.name()) + " RESTART WITH " + next);
            }
        }
    }

    /** A binary key's captured text ({@code \x} hex, as {@link H2CaptureTrigger} logs it) goes as its bytes. */
    @Override
    public Object keyTextValue(Column column, String text) {
        String type = column.type().name().toLowerCase(java.util.Locale.ROOT);
        return type.equals("binary") || type.equals("binary varying") ? dev.ferry.engine.source.KeyText.bytes(column, text) : text;
    }

    @Override
    public boolean streamsLongValues() {
        return true;
    }

    @Override
    public dev.ferry.engine.source.expr.ViewTranslator viewTranslator() {
        return new dev.ferry.engine.source.expr.TokenViewTranslator(false, false, FUNCTIONS,
                t -> java.util.Optional.ofNullable(types.map(t)).map(dev.ferry.engine.source.MappedType::sql).orElse(null),
                DEFAULT_SCHEMA);
    }

    @Override
    public java.util.List<dev.ferry.engine.model.Sequence> sequences(Connection connection) {
        return new H2ObjectReader(connection).sequences();
    }
}
