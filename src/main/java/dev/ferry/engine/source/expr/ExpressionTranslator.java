package dev.ferry.engine.source.expr;

import java.util.Map;

/**
 * Translates a source dialect's SQL expression (a default, CHECK, index filter or computed
 * column) to PostgreSQL. Column references are renamed through {@code columns} (source name to
 * target name); anything the translator does not understand is reported, never passed on
 * silently.
 */
public interface ExpressionTranslator {
    Translation translate(String expression, Map<String, String> columns);

    /**
     * The same, knowing which source columns hold strings ({@code characterColumns}, source names), so
     * operators whose meaning depends on their operands' types (T-SQL's {@code +}) translate by them.
     */
    default Translation translate(String expression, Map<String, String> columns, java.util.Set<String> characterColumns) {
        return translate(expression, columns, new ColumnTypes(characterColumns, java.util.Set.of()));
    }

    /**
     * The same, knowing which source columns hold strings and which numbers ({@code types}): a string
     * {@code +} a number adds in T-SQL, so it is refused rather than translated to {@code ||}.
     */
    default Translation translate(String expression, Map<String, String> columns, ColumnTypes types) {
        return translate(expression, columns);
    }
}
