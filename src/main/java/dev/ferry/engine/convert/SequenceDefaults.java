package dev.ferry.engine.convert;

import dev.ferry.engine.model.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Defaults that draw from a converted sequence: SQL Server's {@code NEXT VALUE FOR [dbo].[Seq]} and
 * PostgreSQL's {@code nextval('seq'::regclass)} both become {@code nextval('"schema"."name"'::regclass)}
 * naming the sequence Ferry creates (issue 15.3).
 */
final class SequenceDefaults {
    private static final Pattern NEXT_VALUE_FOR = Pattern.compile("(?is)\\s*NEXT\\s+VALUE\\s+FOR\\s+(.+?)\\s*");
    private static final Pattern NEXTVAL = Pattern.compile("(?is)\\s*nextval\\(\\s*'((?:[^']|'')+)'(?:::regclass)?\\s*\\)\\s*");

    private final Map<TableRef, TargetSequence> sequences;
    private final String defaultSchema;

    /**
     * @param sequences     the converted sequences by their source name
     * @param defaultSchema the schema an unqualified sequence name resolves to
     */
    SequenceDefaults(Map<TableRef, TargetSequence> sequences, String defaultSchema) {
        this.sequences = sequences;
        this.defaultSchema = defaultSchema;
    }

    /** The PostgreSQL default for {@code expression} if it is exactly a draw from a converted sequence. */
    Optional<String> rewrite(String expression) {
        Matcher next = NEXT_VALUE_FOR.matcher(expression);
        Matcher nextval = NEXTVAL.matcher(expression);
        List<String> parts;
        if (next.matches()) {
            parts = identifiers(next.group(1), false);
        } else if (nextval.matches()) {
            parts = identifiers(nextval.group(1).replace("''", "'"), true);
        } else {
            return Optional.empty();
        }
        if (parts.isEmpty() || parts.size() > 2) {
            return Optional.empty();
        }
        TableRef name = parts.size() == 1 ? new TableRef(defaultSchema, parts.get(0)) : new TableRef(parts.get(0), parts.get(1));
        return find(name).map(s -> "nextval('" + (quote(s.schema()) + "." + quote(s.name())).replace("'", "''") + "'::regclass)");
    }

    private Optional<TargetSequence> find(TableRef name) {
        TargetSequence exact = sequences.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return sequences.entrySet().stream().filter(e -> e.getKey().schema().equalsIgnoreCase(name.schema())
                && e.getKey().name().equalsIgnoreCase(name.name())).map(Map.Entry::getValue).findFirst();
    }

    /**
     * A name's dot-separated parts: "…" and […] ones unquoted, bare ones folded to lower case where
     * the dialect folds them ({@code fold}: PostgreSQL's regclass text).
     */
    private static List<String> identifiers(String text, boolean fold) {
        List<String> out = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        char close = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (close != 0 && c == close && i + 1 < text.length() && text.charAt(i + 1) == close) {
                part.append(c);
                i++;
            } else if (close != 0 && c == close) {
                close = 0;
            } else if (close == 0 && (c == '"' || c == '[')) {
                close = c == '[' ? ']' : '"';
            } else if (c == '.' && close == 0) {
                out.add(part.toString());
                part.setLength(0);
            } else {
                part.append(close == 0 && fold ? Character.toLowerCase(c) : c);
            }
        }
        out.add(part.toString());
        return out;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The PostgreSQL type of a sequence of source type {@code type}: smallint, integer or bigint. */
    static String targetType(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "tinyint", "smallint", "int2" -> "smallint";
            case "int", "integer", "int4" -> "integer";
            default -> "bigint";
        };
    }
}
