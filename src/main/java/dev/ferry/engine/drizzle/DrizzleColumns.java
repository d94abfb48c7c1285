package dev.ferry.engine.drizzle;

import dev.ferry.engine.destination.PostgresTypeNames;
import dev.ferry.engine.convert.TargetColumn;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One column as a Drizzle pg-core builder chain: type, identity, generated expression, NOT NULL, default. */
final class DrizzleColumns {
    private static final Pattern TYPE = Pattern.compile("^([a-z ]+?)(?:\\((\\d+)(?:,(\\d+))?\\))?( with(?:out)? time zone)?(\\[\\])?$");
    /** Custom types the schema declares at its top when used. */
    static final Set<String> CUSTOM = Set.of("bytea", "citext", "xml");

    private DrizzleColumns() {
    }

    /** The builder call, e.g. {@code varchar("email", { length: 320 }).notNull()}; {@code custom} collects custom types used. */
    static String builder(TargetColumn c, boolean primaryKey, Set<String> imports, Set<String> custom) {
        String name = DrizzleNames.string(c.name());
        Matcher m = TYPE.matcher(PostgresTypeNames.canonical(c.type()));
        String base = m.matches() ? m.group(1).trim() : c.type();
        String p = m.matches() ? m.group(2) : null;
        String s = m.matches() ? m.group(3) : null;
        boolean tz = m.matches() && " with time zone".equals(m.group(4));
        boolean array = m.matches() && m.group(5) != null;
        StringBuilder b = new StringBuilder(type(base, p, s, tz, name, imports, custom));
        if (array) {
            b.append(".array()");
        }
        if (c.collation() != null) {
            b.append(" /* COLLATE ").append(c.collation()).append(" */");
        }
        if (c.identity() != null) {
            b.append(c.identity().always() ? ".generatedAlwaysAsIdentity({ startWith: " : ".generatedByDefaultAsIdentity({ startWith: ")
                    .append(c.identity().seed()).append(", increment: ")
                    .append(c.identity().increment()).append(" })");
        }
        if (c.isGenerated()) {
            imports.add("sql");
            b.append(".generatedAlwaysAs(").append(DrizzleNames.template(c.generated())).append(')');
        }
        if (primaryKey) {
            b.append(".primaryKey()");
        } else if (!c.nullable()) {
            b.append(".notNull()");
        }
        if (c.defaultSql() != null && !c.isGenerated()) {
            b.append(defaultValue(base, c.defaultSql(), imports));
        }
        return b.toString();
    }

    private static String type(String base, String p, String s, boolean tz, String name, Set<String> imports, Set<String> custom) {
        String call = switch (base) {
            case "smallint", "integer", "real", "boolean", "text", "uuid", "json", "jsonb" -> use(imports, base) + "(" + name + ")";
            case "double precision" -> use(imports, "doublePrecision") + "(" + name + ")";
            case "bigint" -> use(imports, "bigint") + "(" + name + ", { mode: \"bigint\" })";
            case "numeric" -> use(imports, "numeric") + "(" + name + (p == null ? "" : ", { precision: " + p
                    + (s == null ? "" : ", scale: " + s) + " }") + ")";
            case "character varying" -> use(imports, "varchar") + "(" + name + (p == null ? "" : ", { length: " + p + " }") + ")";
            case "character" -> use(imports, "char") + "(" + name + (p == null ? "" : ", { length: " + p + " }") + ")";
            case "date" -> use(imports, "date") + "(" + name + ", { mode: \"string\" })";
            case "timestamp" -> use(imports, "timestamp") + "(" + name + ", { " + (tz ? "withTimezone: true, " : "")
                    + (p == null ? "" : "precision: " + p + ", ") + "mode: \"date\" })";
            case "time" -> use(imports, "time") + "(" + name + ", { " + (tz ? "withTimezone: true" + (p == null ? "" : ", ") : "")
                    + (p == null ? "" : "precision: " + p) + " })";
            case "bytea", "citext", "xml" -> {
                custom.add(base);
                yield base + "(" + name + ")";
            }
            default -> {
                custom.add(base);
                yield customName(base) + "(" + name + ")";
            }
        };
        return call;
    }

    /** The variable of the custom type declared for a PostgreSQL type Drizzle has no builder for. */
    static String customName(String pgType) {
        return CUSTOM.contains(pgType) ? pgType : DrizzleNames.variable(pgType) + "Type";
    }

    private static String use(Set<String> imports, String builder) {
        imports.add(builder);
        return builder;
    }

    private static String defaultValue(String base, String sql, Set<String> imports) {
        String d = sql.trim();
        if (d.equalsIgnoreCase("CURRENT_TIMESTAMP") || d.equalsIgnoreCase("now()")) {
            return ".defaultNow()";
        }
        if (base.equals("uuid") && d.equals("gen_random_uuid()")) {
            return ".defaultRandom()";
        }
        if (d.equals("true") || d.equals("false")) {
            return ".default(" + d + ")";
        }
        if (d.matches("-?\\d+(\\.\\d+)?")) {
            boolean jsNumber = Set.of("smallint", "integer", "real", "double precision").contains(base);
            boolean jsBigint = base.equals("bigint");
            return ".default(" + (jsNumber ? d : jsBigint ? d + "n" : DrizzleNames.string(d)) + ")";
        }
        Matcher literal = Pattern.compile("^'((?:[^']|'')*)'(::[a-z ]+)?$").matcher(d);
        if (literal.matches() && Set.of("text", "character varying", "character", "citext").contains(base)) {
            return ".default(" + DrizzleNames.string(literal.group(1).replace("''", "'")) + ")";
        }
        imports.add("sql");
        return ".default(" + DrizzleNames.template(d) + ")";
    }
}
