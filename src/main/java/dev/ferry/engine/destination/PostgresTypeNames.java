package dev.ferry.engine.destination;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spells a PostgreSQL type the way {@code format_type} does, so a type Ferry wrote
 * ({@code varchar(320)}, {@code timestamptz(6)}) can be compared with one read from the catalog
 * ({@code character varying(320)}, {@code timestamp(6) with time zone}).
 */
public final class PostgresTypeNames {
    private static final Pattern WITH_MODIFIER = Pattern.compile("([a-z][a-z0-9 ]*?)\\s*(\\(\\d+(?:,\\s*\\d+)?\\))?");

    private PostgresTypeNames() {
    }

    public static String canonical(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT);
        Matcher m = WITH_MODIFIER.matcher(t);
        if (!m.matches()) {
            return t;
        }
        String base = m.group(1).trim();
        String mod = m.group(2) == null ? "" : m.group(2).replace(" ", "");
        return switch (base) {
            case "varchar" -> "character varying" + mod;
            case "char", "bpchar" -> "character" + mod;
            case "int", "int4" -> "integer";
            case "int2" -> "smallint";
            case "int8" -> "bigint";
            case "bool" -> "boolean";
            case "float8" -> "double precision";
            case "float4" -> "real";
            case "decimal" -> "numeric" + mod;
            case "timestamp", "timestamp without time zone" -> "timestamp" + mod + " without time zone";
            case "timestamptz", "timestamp with time zone" -> "timestamp" + mod + " with time zone";
            case "time", "time without time zone" -> "time" + mod + " without time zone";
            case "timetz", "time with time zone" -> "time" + mod + " with time zone";
            default -> base + mod;
        };
    }
}
