package dev.ferry.engine.source.h2;

import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.expr.ExpressionTranslator;
import dev.ferry.engine.source.expr.FunctionRule;
import dev.ferry.engine.source.expr.TokenExpressionTranslator;
import dev.ferry.engine.convert.TypeMapper;
import java.sql.Connection;
import java.util.Map;

/** H2, run in MODE=MSSQLServer as the embedded stand-in for SQL Server in the demo and tests. */
public final class H2Dialect implements SourceDialect {
    static final String PRODUCT = "H2";
    static final String DEFAULT_SCHEMA = "PUBLIC";

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
    private final ExpressionTranslator expressions = new TokenExpressionTranslator(false, FUNCTIONS, false);

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
}
