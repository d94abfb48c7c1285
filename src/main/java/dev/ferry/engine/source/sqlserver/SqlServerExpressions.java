package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.source.expr.ExpressionTranslator;
import dev.ferry.engine.source.expr.FunctionRule;
import dev.ferry.engine.source.expr.TokenExpressionTranslator;
import java.util.Map;

/** T-SQL functions Ferry translates in defaults, CHECKs, index filters and computed columns. */
final class SqlServerExpressions {
    static final Map<String, FunctionRule> FUNCTIONS = Map.ofEntries(
            Map.entry("getdate", FunctionRule.call("CURRENT_TIMESTAMP")),
            Map.entry("sysdatetime", FunctionRule.call("CURRENT_TIMESTAMP")),
            Map.entry("sysdatetimeoffset", FunctionRule.call("CURRENT_TIMESTAMP")),
            Map.entry("getutcdate", FunctionRule.call("(now() AT TIME ZONE 'utc')")),
            Map.entry("sysutcdatetime", FunctionRule.call("(now() AT TIME ZONE 'utc')")),
            Map.entry("newid", FunctionRule.call("gen_random_uuid()")),
            Map.entry("newsequentialid", FunctionRule.call("gen_random_uuid()")),
            // LEN ignores trailing spaces, length counts them (issue 14)
            Map.entry("len", FunctionRule.wrap("length(rtrim(", "))")),
            Map.entry("datalength", FunctionRule.refuse("DATALENGTH counts the bytes of SQL Server's own encoding (two per "
                    + "UTF-16 code unit for nvarchar, the code page's for varchar), PostgreSQL's octet_length counts UTF-8 bytes")),
            Map.entry("isnull", FunctionRule.rename("coalesce")),
            Map.entry("coalesce", FunctionRule.rename("coalesce")),
            Map.entry("nullif", FunctionRule.rename("nullif")),
            Map.entry("upper", FunctionRule.rename("upper")),
            Map.entry("lower", FunctionRule.rename("lower")),
            Map.entry("ltrim", FunctionRule.rename("ltrim")),
            Map.entry("rtrim", FunctionRule.rename("rtrim")),
            Map.entry("trim", FunctionRule.rename("trim")),
            Map.entry("substring", FunctionRule.rename("substring")),
            Map.entry("replace", FunctionRule.rename("replace")),
            Map.entry("abs", FunctionRule.rename("abs")),
            Map.entry("round", FunctionRule.rename("round")),
            Map.entry("floor", FunctionRule.rename("floor")),
            Map.entry("ceiling", FunctionRule.rename("ceil")));

    private SqlServerExpressions() {
    }

    static ExpressionTranslator translator() {
        return new TokenExpressionTranslator(true, FUNCTIONS, false, true);
    }
}
