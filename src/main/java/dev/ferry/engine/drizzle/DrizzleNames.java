package dev.ferry.engine.drizzle;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** TypeScript names for the Drizzle schema: variables from table names, property names from column names. */
final class DrizzleNames {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Set<String> RESERVED = Set.of("break", "case", "catch", "class", "const", "continue", "debugger",
            "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
            "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try",
            "typeof", "var", "void", "while", "with", "let", "static", "yield", "await", "implements", "interface",
            "package", "private", "protected", "public", "sql", "relations");

    private DrizzleNames() {
    }

    /** {@code OrganizationUser} becomes {@code organizationUser}; {@code order_line} becomes {@code orderLine}. */
    static String variable(String name) {
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = s.length() > 0;
                continue;
            }
            s.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        if (s.length() == 0 || Character.isDigit(s.charAt(0))) {
            s.insert(0, "t");
        }
        s.setCharAt(0, Character.toLowerCase(s.charAt(0)));
        String v = s.toString();
        return RESERVED.contains(v) ? v + "Table" : v;
    }

    /** A property key: the column name itself when it is an identifier, else quoted. */
    static String property(String name) {
        return IDENTIFIER.matcher(name).matches() ? name : string(name);
    }

    /** A property access on {@code table}: {@code table.createdAt} or {@code table["my col"]}. */
    static String access(String table, String column) {
        return IDENTIFIER.matcher(column).matches() ? table + "." + column : table + "[" + string(column) + "]";
    }

    static String string(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String template(String sql) {
        return "sql`" + sql.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${") + "`";
    }

    /** {@code opportunity} becomes {@code opportunities}, {@code address} {@code addresses}, {@code user} {@code users}. */
    static String plural(String s) {
        if (s.matches(".*[^aeiou]y")) {
            return s.substring(0, s.length() - 1) + "ies";
        }
        if (s.endsWith("s") || s.endsWith("x") || s.endsWith("ch") || s.endsWith("sh")) {
            return s + "es";
        }
        return s + "s";
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** A source description as a TSDoc comment ending in a newline, indented by {@code indent}; empty when there is none. */
    static String docComment(String text, String indent) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String body = text.replace("*/", "*\\/").replace("\r\n", "\n");
        if (!body.contains("\n")) {
            return indent + "/** " + body + " */\n";
        }
        StringBuilder out = new StringBuilder(indent).append("/**\n");
        body.lines().forEach(l -> out.append(indent).append(" * ").append(l).append('\n'));
        return out.append(indent).append(" */\n").toString();
    }
}
