package dev.ferry.engine.convert;

import dev.ferry.engine.source.MappedType;
import dev.ferry.engine.source.TypeMapper;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.CaseInsensitivePolicy;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.Identity;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.expr.ColumnTypes;
import dev.ferry.engine.source.expr.Expressions;
import dev.ferry.engine.model.Finding;
import dev.ferry.engine.model.Finding.Category;
import dev.ferry.engine.model.Finding.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts one source column: type, collation, default, identity and computed expression. */
final class ColumnConverter {
    private static final Set<String> INTEGER_TYPES = Set.of("smallint", "integer", "bigint");

    private final TypeMapper types;
    private final MigrationConfig config;
    private final ExpressionConverter expressions;
    private final List<Finding> findings;
    private final SequenceDefaults sequences;

    ColumnConverter(TypeMapper types, MigrationConfig config, ExpressionConverter expressions, List<Finding> findings,
                    SequenceDefaults sequences) {
        this.types = types;
        this.config = config;
        this.expressions = expressions;
        this.findings = findings;
        this.sequences = sequences;
    }

    /** The converted column and any CHECK its type needs (tinyint range, citext length), or null. */
    record Result(TargetColumn column, String check) {
    }

    Result convert(TableRef table, Column column, String targetName, Map<String, String> columnNames,
                   ColumnTypes columnTypes) {
        String key = table + "." + column.name();
        MappedType mapped = mapType(key, column);
        String type = mapped.sql();
        String collation = null;
        String check = mapped.check() == null ? null : String.format(mapped.check(), quote(targetName));
        for (String warning : mapped.warnings()) {
            findings.add(new Finding(Severity.WARNING, Category.TYPE, key,
                    column.type().display() + " -> " + type + ": " + warning));
        }
        if (mapped.character() && types.isCaseInsensitive(column.collation())) {
            CaseInsensitivePolicy policy = config.caseInsensitiveCollation();
            switch (policy) {
                case CITEXT -> {
                    type = "citext";
                    if (mapped.characterLength() != null) {
                        check = "char_length(" + quote(targetName) + ") <= " + mapped.characterLength();
                    }
                }
                case ICU -> collation = TargetSchema.CI_COLLATION;
                case NONE -> { }
            }
            findings.add(new Finding(policy == CaseInsensitivePolicy.NONE ? Severity.WARNING : Severity.INFO,
                    Category.COLLATION, key, "case-insensitive collation " + column.collation() + " -> "
                    + describe(policy)));
        } else if (mapped.character()) {
            collation = types.targetCollation(column.collation());
        }
        Identity identity = column.identity();
        if (identity != null && !INTEGER_TYPES.contains(type)) {
            findings.add(new Finding(Severity.WARNING, Category.TYPE, key, "identity column of type " + type
                    + " becomes bigint: PostgreSQL identity columns are integers"));
            type = "bigint";
        }
        String defaultSql = identity == null ? convertDefault(key, column, type, columnNames, columnTypes) : null;
        String generated = convertComputed(key, column, columnNames, columnTypes);
        return new Result(new TargetColumn(column.name(), targetName, column.type(), type, collation,
                column.nullable(), defaultSql, identity, generated, column.comment()), check);
    }

    private MappedType mapType(String key, Column column) {
        String override = config.cast().find(key, column.type().display(), column.type().name());
        if (override != null) {
            findings.add(new Finding(Severity.INFO, Category.TYPE, key,
                    column.type().display() + " -> " + override + " (cast rule from the config)"));
            return MappedType.exact(override);
        }
        MappedType mapped = types.map(column.type());
        if (mapped == null) {
            throw new FerryException(ErrorCode.UNSUPPORTED_TYPE, "Unable to convert column '" + key + "': type '"
                    + column.type().display() + "' has no PostgreSQL mapping. Add a cast rule for it to the config"
                    + " (cast.columns: {\"" + key + "\": <postgres type>} or cast.types).");
        }
        return mapped;
    }

    private String convertDefault(String key, Column column, String targetType, Map<String, String> columnNames,
                                  ColumnTypes columnTypes) {
        if (column.defaultExpression() == null) {
            return null;
        }
        String bare = Expressions.stripOuterParentheses(column.defaultExpression());
        if (!config.expressions().containsKey(key)) {
            java.util.Optional<String> draw = sequences.rewrite(bare);
            if (draw.isPresent()) {
                return draw.get();
            }
        }
        if (targetType.equals("boolean")) {
            String literal = bare.replace("'", "").trim();
            if (literal.equals("0") || literal.equals("1")) {
                return literal.equals("1") ? "true" : "false";
            }
        }
        return expressions.convert(key, bare, columnNames, columnTypes, Category.DEFAULT,
                "the column is created without a default");
    }

    private String convertComputed(String key, Column column, Map<String, String> columnNames,
                                   ColumnTypes columnTypes) {
        if (!column.isComputed()) {
            return null;
        }
        String sql = expressions.convert(key, Expressions.stripOuterParentheses(column.computedExpression()),
                columnNames, columnTypes, Category.COMPUTED, "the column is created as a plain column and its values are copied");
        if (sql != null && !column.computedPersisted()) {
            findings.add(new Finding(Severity.INFO, Category.COMPUTED, key,
                    "computed column becomes a STORED generated column (PostgreSQL 16 has no virtual ones)"));
        }
        return sql;
    }

    private static String describe(CaseInsensitivePolicy policy) {
        return switch (policy) {
            case CITEXT -> "citext (case-insensitive comparisons kept; declared length kept as a CHECK)";
            case ICU -> "nondeterministic ICU collation " + TargetSchema.CI_COLLATION
                    + " (LIKE on these columns fails before PostgreSQL 18)";
            case NONE -> "deterministic text: comparisons, unique keys and ORDER BY become case-sensitive";
        };
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
