package dev.ferry.engine.source.expr;

/**
 * One lexical token of a SQL expression.
 *
 * @param text  the token as written
 * @param value for identifiers the unquoted name, for strings the unescaped content, else the text
 */
public record SqlToken(Kind kind, String text, String value) {
    /** Token kinds the translators distinguish. */
    public enum Kind { QUOTED_IDENTIFIER, WORD, STRING, NUMBER, SYMBOL, SPACE }

    public boolean is(Kind k) {
        return kind == k;
    }

    public boolean isSymbol(String s) {
        return kind == Kind.SYMBOL && text.equals(s);
    }
}
