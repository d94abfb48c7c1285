package dev.ferry.engine.source;

import java.util.List;

/**
 * A source type's PostgreSQL counterpart.
 *
 * @param sql             the PostgreSQL type, e.g. {@code timestamp(3)}
 * @param check           a CHECK that keeps the source's range, with {@code %s} for the quoted column
 *                        (tinyint: {@code %s BETWEEN 0 AND 255}), or null
 * @param characterLength for character types, the declared length (null for unbounded); used when a
 *                        case-insensitive collation turns the type into citext
 * @param character       whether this is a character type a collation applies to
 * @param warnings        what changes on the way (precision lost, offset lost, …)
 */
public record MappedType(String sql, String check, Integer characterLength, boolean character, List<String> warnings) {
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "(smallint|integer|int|bigint|numeric|decimal|real|double precision|money)(\\(\\d+(,\\d+)?\\))?");

    public MappedType {
        warnings = List.copyOf(warnings);
    }

    public static MappedType exact(String sql) {
        return new MappedType(sql, null, null, false, List.of());
    }

    public static MappedType lossy(String sql, String warning) {
        return new MappedType(sql, null, null, false, List.of(warning));
    }

    public static MappedType text(String sql, Integer length) {
        return new MappedType(sql, null, length, true, List.of());
    }

    /** Whether this is a numeric type (T-SQL's '+' adds it to a string rather than concatenating). */
    public boolean numeric() {
        return isNumeric(sql);
    }

    /** Whether the PostgreSQL type {@code sql} is numeric: an integer, numeric, floating point or money type. */
    public static boolean isNumeric(String sql) {
        return NUMBER.matcher(sql).matches();
    }

    public MappedType withCheck(String template) {
        return new MappedType(sql, template, characterLength, character, warnings);
    }

    public MappedType withWarning(String warning) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new MappedType(sql, check, characterLength, character, all);
    }
}
