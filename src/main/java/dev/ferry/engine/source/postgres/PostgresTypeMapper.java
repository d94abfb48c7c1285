package dev.ferry.engine.source.postgres;

import dev.ferry.engine.model.DataType;
import dev.ferry.engine.source.MappedType;
import dev.ferry.engine.source.TypeMapper;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL to PostgreSQL: built-in types carry over exactly as {@code format_type} writes them;
 * user-defined types (enums, domains, composites) are refused unless a cast rule names their
 * replacement, since Ferry does not create them.
 */
final class PostgresTypeMapper implements TypeMapper {
    private static final Pattern MODIFIERS = Pattern.compile("\\(\\d+(,\\d+)?\\)");
    private static final Set<String> CHARACTER = Set.of("text", "character varying", "character", "citext", "name");
    private static final Set<String> BUILT_IN = Set.of(
            "smallint", "integer", "bigint", "numeric", "real", "double precision", "money", "boolean",
            "text", "character varying", "character", "\"char\"", "name", "citext", "bytea",
            "date", "time without time zone", "time with time zone", "timestamp without time zone",
            "timestamp with time zone", "interval", "uuid", "json", "jsonb", "xml", "inet", "cidr", "macaddr",
            "macaddr8", "bit", "bit varying", "tsvector", "tsquery", "point", "line", "lseg", "box", "path",
            "polygon", "circle", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "oid");

    @Override
    public MappedType map(DataType type) {
        String base = MODIFIERS.matcher(type.name()).replaceAll("").replace("[]", "").trim();
        if (!BUILT_IN.contains(base)) {
            return null;
        }
        return CHARACTER.contains(base) && !type.name().endsWith("[]")
                ? MappedType.text(type.name(), null) : MappedType.exact(type.name());
    }

    @Override
    public boolean isCaseInsensitive(String collation) {
        return false;
    }

    @Override
    public String targetCollation(String sourceCollation) {
        return sourceCollation;
    }
}
