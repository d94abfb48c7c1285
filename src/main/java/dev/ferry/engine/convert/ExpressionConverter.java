package dev.ferry.engine.convert;

import dev.ferry.engine.source.expr.ColumnTypes;
import dev.ferry.engine.source.expr.ExpressionTranslator;
import dev.ferry.engine.source.expr.Translation;
import dev.ferry.engine.model.Finding;
import dev.ferry.engine.model.Finding.Category;
import dev.ferry.engine.model.Finding.Severity;
import java.util.List;
import java.util.Map;

/**
 * Translates one source expression, preferring an override from the config, and records a
 * finding when neither works so that nothing is dropped without a word.
 */
final class ExpressionConverter {
    private final ExpressionTranslator translator;
    private final Map<String, String> overrides;
    private final List<Finding> findings;

    ExpressionConverter(ExpressionTranslator translator, Map<String, String> overrides, List<Finding> findings) {
        this.translator = translator;
        this.overrides = overrides;
        this.findings = findings;
    }

    /**
     * @param key         {@code schema.table.name}, the key of {@code expressions:} in the config
     * @param consequence what happens on the target when the expression cannot be translated
     * @param columnTypes the table's columns holding strings and numbers, for operators typed by their operands
     * @return the PostgreSQL expression, or null when it could not be translated
     */
    String convert(String key, String expression, Map<String, String> columns, ColumnTypes columnTypes,
                   Category category, String consequence) {
        String override = overrides.get(key);
        if (override != null) {
            findings.add(new Finding(Severity.INFO, category, key, "expression taken from the config: " + override));
            return override;
        }
        Translation t = translator.translate(expression, columns, columnTypes);
        if (t.isOk()) {
            return t.sql();
        }
        findings.add(new Finding(Severity.WARNING, category, key, "'" + expression + "' was not converted ("
                + t.problem() + "); " + consequence + ". Give the PostgreSQL expression under expressions: '" + key
                + "' in the config to convert it."));
        return null;
    }
}
