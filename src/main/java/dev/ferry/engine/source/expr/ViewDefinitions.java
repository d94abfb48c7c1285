package dev.ferry.engine.source.expr;

import dev.ferry.engine.source.expr.SqlToken.Kind;
import java.util.List;
import java.util.Locale;

/** Helpers for a view's text as catalogs store it: comments removed, the CREATE VIEW header cut off. */
public final class ViewDefinitions {
    private ViewDefinitions() {
    }

    /**
     * {@code sql} with each -- and /* *&#47; comment replaced by a space; quoted strings and
     * identifiers (including SQL Server's [ … ] when {@code brackets}) are left alone.
     */
    public static String withoutComments(String sql, boolean brackets) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                out.append(' ');
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                out.append(' ');
            } else if (c == '\'' || c == '"' || (c == '[' && brackets)) {
                char close = c == '[' ? ']' : c;
                int end = sql.indexOf(close, i + 1);
                end = end < 0 ? sql.length() : end + 1;
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * The query of a {@code CREATE [OR ALTER] VIEW name [WITH options] AS query} statement (SQL
     * Server's sys.sql_modules text); options such as SCHEMABINDING are dropped. A view whose header
     * has a column list is refused, since the list would be lost.
     *
     * @throws IllegalArgumentException naming what is not understood
     */
    public static String body(String createView, boolean brackets) {
        List<SqlToken> tokens = new SqlTokenizer(brackets).tokenize(withoutComments(createView, brackets));
        int i = next(tokens, -1);
        i = expectWord(tokens, i, "CREATE");
        if (isWord(tokens, i, "OR")) {
            i = expectWord(tokens, expectWord(tokens, i, "OR"), "ALTER");
        }
        i = expectWord(tokens, i, "VIEW");
        while (i < tokens.size() && (tokens.get(i).is(Kind.WORD) || tokens.get(i).is(Kind.QUOTED_IDENTIFIER)
                || tokens.get(i).isSymbol(".")) && !isWord(tokens, i, "WITH") && !isWord(tokens, i, "AS")) {
            i = next(tokens, i);
        }
        if (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            throw new IllegalArgumentException("a column list after the view's name");
        }
        if (isWord(tokens, i, "WITH")) {
            do {
                i = next(tokens, next(tokens, i));
            } while (i < tokens.size() && tokens.get(i).isSymbol(","));
        }
        i = expectWord(tokens, i, "AS");
        StringBuilder query = new StringBuilder();
        for (int j = i; j < tokens.size(); j++) {
            query.append(tokens.get(j).text());
        }
        return query.toString().trim();
    }

    private static boolean isWord(List<SqlToken> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).is(Kind.WORD) && tokens.get(i).value().toUpperCase(Locale.ROOT).equals(word);
    }

    private static int expectWord(List<SqlToken> tokens, int i, String word) {
        if (!isWord(tokens, i, word)) {
            throw new IllegalArgumentException("the view's text does not read CREATE VIEW … AS (expected " + word + ")");
        }
        return next(tokens, i);
    }

    private static int next(List<SqlToken> tokens, int i) {
        int j = i + 1;
        while (j < tokens.size() && tokens.get(j).is(Kind.SPACE)) {
            j++;
        }
        return j;
    }
}
