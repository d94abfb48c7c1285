package dev.ferry.engine.journal;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.TableRef;

/**
 * A table's identity as one text value, for the journal's key column. A schema without a dot that
 * does not start with a double quote is written {@code schema.name}, as journals always were, so a
 * run started by an earlier version resumes; any other schema is written {@code "schema"."name"}
 * with embedded quotes doubled, so a schema name may hold any character.
 */
final class TableKeys {
    private TableKeys() {
    }

    static String format(TableRef t) {
        if (t.schema().indexOf('.') < 0 && !t.schema().startsWith("\"")) {
            return t.schema() + "." + t.name();
        }
        return quote(t.schema()) + "." + quote(t.name());
    }

    static TableRef parse(String key) {
        if (!key.startsWith("\"")) {
            int dot = key.indexOf('.');
            if (dot < 0) {
                throw invalid(key);
            }
            return new TableRef(key.substring(0, dot), key.substring(dot + 1));
        }
        StringBuilder schema = new StringBuilder();
        int next = unquote(key, 0, schema);
        if (next >= key.length() || key.charAt(next) != '.' || next + 1 >= key.length() || key.charAt(next + 1) != '"') {
            throw invalid(key);
        }
        StringBuilder name = new StringBuilder();
        if (unquote(key, next + 1, name) != key.length()) {
            throw invalid(key);
        }
        return new TableRef(schema.toString(), name.toString());
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Reads the quoted identifier starting at {@code start} into {@code out}; returns the index after it. */
    private static int unquote(String key, int start, StringBuilder out) {
        int i = start + 1;
        while (i < key.length()) {
            char ch = key.charAt(i);
            if (ch == '"') {
                if (i + 1 < key.length() && key.charAt(i + 1) == '"') {
                    out.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            out.append(ch);
            i++;
        }
        throw invalid(key);
    }

    private static FerryException invalid(String key) {
        return new FerryException(ErrorCode.COPY, "Unable to read the table '" + key + "' of the journal: not schema.name");
    }
}
