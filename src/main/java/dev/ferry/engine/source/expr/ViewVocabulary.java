package dev.ferry.engine.source.expr;

import dev.ferry.engine.model.DataType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The words a {@link TokenViewTranslator} knows, and how it reads a type name in CONVERT and CAST. */
final class ViewVocabulary {
    static final Set<String> KEYWORDS = Set.of(
            "SELECT", "FROM", "WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "ON", "AS", "GROUP",
            "BY", "ORDER", "HAVING", "UNION", "ALL", "DISTINCT", "ASC", "DESC", "EXISTS", "ANY", "SOME", "EXCEPT",
            "INTERSECT", "OVER", "PARTITION", "ROWS", "RANGE", "UNBOUNDED", "PRECEDING", "FOLLOWING", "CURRENT", "ROW",
            "AND", "OR", "NOT", "IS", "NULL", "IN", "LIKE", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "END", "TRUE",
            "FALSE", "ESCAPE", "LIMIT", "CURRENT_TIMESTAMP", "CURRENT_DATE",
            "LOCALTIMESTAMP", "CURRENT_TIME", "LOCALTIME");
    static final Set<String> CLAUSES = Set.of("WHERE", "GROUP", "ORDER", "HAVING", "UNION", "EXCEPT", "INTERSECT");
    static final Set<String> T_SQL_ONLY = Set.of("APPLY", "PIVOT", "UNPIVOT", "FOR", "OPTION", "TABLESAMPLE",
            "COLLATE", "NOLOCK", "WITH", "INTO", "PERCENT", "TIES");
    static final Set<String> STANDARD_FUNCTIONS = Set.of("count", "sum", "min", "max", "avg", "coalesce", "nullif",
            "abs", "upper", "lower", "round", "floor", "row_number", "rank", "dense_rank", "ntile", "lag", "lead");

    private ViewVocabulary() {
    }

    static DataType dataType(String name, List<String> args) {
        String type = name.toLowerCase(Locale.ROOT);
        if (args.isEmpty()) {
            return DataType.of(type);
        }
        if (args.size() == 2) {
            return DataType.numeric(type, Integer.parseInt(args.get(0)), Integer.parseInt(args.get(1)));
        }
        String a = args.get(0);
        return switch (type) {
            case "decimal", "numeric" -> DataType.numeric(type, Integer.parseInt(a), 0);
            case "time", "datetime2", "datetimeoffset", "timestamp" -> DataType.temporal(type, Integer.parseInt(a));
            case "float" -> new DataType(type, null, Integer.parseInt(a), null);
            default -> DataType.sized(type, a.equalsIgnoreCase("max") ? DataType.MAX : Integer.parseInt(a));
        };
    }
}
