package dev.ferry.engine.config;

import java.util.regex.Pattern;

/**
 * Checks that a type given in the config is a PostgreSQL type name and nothing else, since it is
 * written into the DDL: one name (optionally schema-qualified) or one of PostgreSQL's multi-word
 * type names, at most one list of integer modifiers,
 * {@code with[out] time zone}, array brackets. {@code varchar(10)); drop table t; --} is refused
 * (issue 12.8).
 */
final class TypeNames {
    private static final String FIELD = "(?:year|month|day|hour|minute|second)";
    private static final String BASE = "(?:double +precision|character +varying|bit +varying|interval(?: +" + FIELD + "(?: +to +" + FIELD
            + ")?)?|[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?)";
    private static final Pattern TYPE = Pattern.compile(
            BASE + "(?: *\\( *\\d+ *(?:, *-?\\d+ *)?\\))?(?: +with(?:out)? +time +zone)?(?: *\\[ *\\d* *\\])*",
            Pattern.CASE_INSENSITIVE);

    private TypeNames() {
    }

    static void check(String key, String type) {
        if (type == null || !TYPE.matcher(type.trim()).matches()) {
            throw new IllegalArgumentException(key + ": '" + type + "' is not a PostgreSQL type name "
                    + "(expected e.g. text, varchar(200), numeric(12,2), timestamp(3) with time zone, integer[])");
        }
    }
}
