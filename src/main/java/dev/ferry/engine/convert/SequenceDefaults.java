package dev.ferry.engine.convert;

import dev.ferry.engine.model.SourceObject;
import dev.ferry.engine.model.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a default that draws from a sequence no column owns ({@code nextval('free_seq'::regclass)}).
 * Ferry creates only the sequences behind identity columns, so such a default would fail on the
 * target ({@code relation "free_seq" does not exist}); it is refused when the plan is made (issue 12.5).
 */
final class SequenceDefaults {
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\(\\s*'((?:[^']|'')+)'", Pattern.CASE_INSENSITIVE);

    private final Set<SourceObject> freeSequences;
    private final String defaultSchema;

    /**
     * @param freeSequences the source's sequences Ferry does not convert
     * @param defaultSchema the schema an unqualified sequence name resolves to
     */
    SequenceDefaults(Set<SourceObject> freeSequences, String defaultSchema) {
        this.freeSequences = freeSequences;
        this.defaultSchema = defaultSchema;
    }

    /** The first free sequence {@code expression} calls nextval on, if any. */
    Optional<SourceObject> freeSequenceIn(String expression) {
        Matcher m = NEXTVAL.matcher(expression);
        while (m.find()) {
            List<String> parts = identifiers(m.group(1).replace("''", "'"));
            TableRef name = parts.size() == 1 ? new TableRef(defaultSchema, parts.get(0))
                    : new TableRef(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
            SourceObject sequence = new SourceObject(SourceObject.Kind.SEQUENCE, name.schema(), name.name());
            if (freeSequences.contains(sequence)) {
                return Optional.of(sequence);
            }
        }
        return Optional.empty();
    }

    /** A regclass text's dot-separated names, quoted ones unquoted, unquoted ones folded as PostgreSQL folds them. */
    private static List<String> identifiers(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                part.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                out.add(part.toString());
                part.setLength(0);
            } else {
                part.append(quoted ? c : Character.toLowerCase(c));
            }
        }
        out.add(part.toString());
        return out;
    }
}
