package dev.ferry.engine.source.expr;

import dev.ferry.engine.source.expr.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL expression into tokens. Understands '…' strings with doubled quotes, N'…' national
 * strings, "…" identifiers and, when asked, [ … ] identifiers (SQL Server).
 */
public final class SqlTokenizer {
    private final boolean bracketIdentifiers;

    public SqlTokenizer(boolean bracketIdentifiers) {
        this.bracketIdentifiers = bracketIdentifiers;
    }

    /** Tokenizes {@code sql}; throws {@link IllegalArgumentException} on an unterminated quote. */
    public List<SqlToken> tokenize(String sql) {
        List<SqlToken> out = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end;
            if (Character.isWhitespace(c)) {
                end = i;
                while (end < sql.length() && Character.isWhitespace(sql.charAt(end))) {
                    end++;
                }
                out.add(new SqlToken(Kind.SPACE, sql.substring(i, end), " "));
            } else if (c == '\'' || ((c == 'N' || c == 'n') && i + 1 < sql.length() && sql.charAt(i + 1) == '\'')) {
                int start = c == '\'' ? i : i + 1;
                end = closeQuoted(sql, start, '\'');
                String content = sql.substring(start + 1, end - 1).replace("''", "'");
                out.add(new SqlToken(Kind.STRING, sql.substring(i, end), content));
            } else if (c == '"') {
                end = closeQuoted(sql, i, '"');
                out.add(new SqlToken(Kind.QUOTED_IDENTIFIER, sql.substring(i, end),
                        sql.substring(i + 1, end - 1).replace("\"\"", "\"")));
            } else if (c == '[' && bracketIdentifiers) {
                end = closeQuoted(sql, i, ']');
                out.add(new SqlToken(Kind.QUOTED_IDENTIFIER, sql.substring(i, end),
                        sql.substring(i + 1, end - 1).replace("]]", "]")));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1)))) {
                end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                out.add(new SqlToken(Kind.NUMBER, sql.substring(i, end), sql.substring(i, end)));
            } else if (Character.isLetter(c) || c == '_' || c == '@' || c == '#') {
                end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end))
                        || sql.charAt(end) == '_' || sql.charAt(end) == '$' || sql.charAt(end) == '@' || sql.charAt(end) == '#')) {
                    end++;
                }
                out.add(new SqlToken(Kind.WORD, sql.substring(i, end), sql.substring(i, end)));
            } else {
                end = i + symbolLength(sql, i);
                out.add(new SqlToken(Kind.SYMBOL, sql.substring(i, end), sql.substring(i, end)));
            }
            i = end;
        }
        return out;
    }

    private static int closeQuoted(String sql, int start, char close) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated " + close + " quote in: " + sql);
    }

    private static int symbolLength(String sql, int i) {
        if (i + 1 < sql.length()) {
            String two = sql.substring(i, i + 2);
            if (two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=") || two.equals("::")
                    || two.equals("||")) {
                return 2;
            }
        }
        return 1;
    }
}
