package dev.ferry.engine.source.expr;

import dev.ferry.engine.source.expr.SqlToken.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a {@code +} concatenates strings (T-SQL) or adds, from its operands' types: a
 * string literal, a character column, a call of a function returning a string, or a parenthesized
 * expression that is one of these or a concatenation. SQL Server stores {@code [First] + ' ' + [Last]}
 * as {@code (([First]+' ')+[Last])}, where the outer {@code +} is next to no literal (issue 14.12).
 * A string {@code +} a number (a numeric literal or column, a function returning a number, or a
 * parenthesized expression of one) adds in T-SQL, the number's type outranking the string's, so it is
 * {@linkplain #mixedOperands refused} rather than given {@code ||}.
 */
final class Concatenation {
    private static final Set<String> STRING_FUNCTIONS = Set.of("upper", "lower", "ltrim", "rtrim", "trim", "substring",
            "replace", "left", "right", "concat", "reverse", "replicate", "space", "stuff", "format", "char", "nchar");
    private static final Set<String> NUMBER_FUNCTIONS = Set.of("len", "datalength", "charindex", "patindex", "abs",
            "round", "ceiling", "floor", "sign", "power", "sqrt", "year", "month", "day", "datepart", "datediff");

    /** The operand types that decide a '+'. */
    private enum Type { STRING, NUMBER }

    private final List<SqlToken> tokens;
    private final ColumnTypes columns;

    Concatenation(List<SqlToken> tokens, ColumnTypes columns) {
        this.tokens = tokens;
        this.columns = columns;
    }

    /** Whether the {@code +} at {@code i} concatenates. */
    boolean at(int i) {
        if (!tokens.get(i).isSymbol("+")) {
            return false;
        }
        int prev = previous(i);
        int next = next(i);
        return (prev >= 0 && ends(prev, Type.STRING)) || (next >= 0 && starts(next, Type.STRING));
    }

    /**
     * Why the {@code +} at {@code i} cannot be translated, naming it, when one operand is a string and
     * the other a number (T-SQL adds them, '||' would concatenate); null otherwise.
     */
    String mixedOperands(int i) {
        int prev = previous(i);
        int next = next(i);
        if (!tokens.get(i).isSymbol("+") || prev < 0 || next < 0) {
            return null;
        }
        boolean mixed = (ends(prev, Type.STRING) && starts(next, Type.NUMBER))
                || (ends(prev, Type.NUMBER) && starts(next, Type.STRING));
        if (!mixed) {
            return null;
        }
        StringBuilder construct = new StringBuilder();
        for (int j = operandStart(prev); j <= operandEnd(next); j++) {
            construct.append(tokens.get(j).text());
        }
        return "'" + construct + "' (a string '+' a number) adds in T-SQL, where PostgreSQL's || would concatenate";
    }

    /** Whether the operand whose last token is {@code i} is of {@code type}. */
    private boolean ends(int i, Type type) {
        SqlToken t = tokens.get(i);
        if (!t.isSymbol(")")) {
            return isAtom(t, type);
        }
        int open = matchingOpen(i);
        if (open < 0) {
            return false;
        }
        int before = previous(open);
        if (before >= 0 && tokens.get(before).is(Kind.WORD)) {
            return functions(type).contains(tokens.get(before).value().toLowerCase(Locale.ROOT));
        }
        return groupIs(open, i, type);
    }

    /** Whether the operand whose first token is {@code i} is of {@code type}. */
    private boolean starts(int i, Type type) {
        SqlToken t = tokens.get(i);
        if (t.isSymbol("(")) {
            int close = matchingClose(i);
            return close > 0 && groupIs(i, close, type);
        }
        int after = next(i);
        if (type == Type.NUMBER && (t.isSymbol("-") || t.isSymbol("+"))) {
            return after >= 0 && starts(after, type);
        }
        if (t.is(Kind.WORD) && after >= 0 && tokens.get(after).isSymbol("(")) {
            return functions(type).contains(t.value().toLowerCase(Locale.ROOT));
        }
        return isAtom(t, type);
    }

    /** A parenthesized expression is of a type when its first or last operand is. */
    private boolean groupIs(int open, int close, Type type) {
        int first = next(open);
        int last = previous(close);
        return first > open && first < close && (starts(first, type) || ends(last, type));
    }

    private boolean isAtom(SqlToken t, Type type) {
        boolean column = t.is(Kind.QUOTED_IDENTIFIER) || t.is(Kind.WORD);
        return type == Type.STRING
                ? t.is(Kind.STRING) || (column && columns.isCharacter(t.value()))
                : t.is(Kind.NUMBER) || (column && columns.isNumeric(t.value()));
    }

    private static Set<String> functions(Type type) {
        return type == Type.STRING ? STRING_FUNCTIONS : NUMBER_FUNCTIONS;
    }

    /** The first token of the operand whose last token is {@code end}: a call's name, a group's '('. */
    private int operandStart(int end) {
        if (!tokens.get(end).isSymbol(")")) {
            return end;
        }
        int open = matchingOpen(end);
        int before = open < 0 ? -1 : previous(open);
        return before >= 0 && tokens.get(before).is(Kind.WORD) ? before : Math.max(open, 0);
    }

    /** The last token of the operand whose first token is {@code start}: a group's or call's ')'. */
    private int operandEnd(int start) {
        SqlToken t = tokens.get(start);
        int after = next(start);
        if ((t.isSymbol("-") || t.isSymbol("+")) && after >= 0) {
            return operandEnd(after);
        }
        int open = t.isSymbol("(") ? start : after >= 0 && t.is(Kind.WORD) && tokens.get(after).isSymbol("(") ? after : -1;
        int close = open < 0 ? -1 : matchingClose(open);
        return close < 0 ? start : close;
    }

    private int matchingOpen(int close) {
        int depth = 0;
        for (int j = close; j >= 0; j--) {
            if (tokens.get(j).isSymbol(")")) {
                depth++;
            } else if (tokens.get(j).isSymbol("(") && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    private int matchingClose(int open) {
        int depth = 0;
        for (int j = open; j < tokens.size(); j++) {
            if (tokens.get(j).isSymbol("(")) {
                depth++;
            } else if (tokens.get(j).isSymbol(")") && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    private int next(int i) {
        for (int j = i + 1; j < tokens.size(); j++) {
            if (!tokens.get(j).is(Kind.SPACE)) {
                return j;
            }
        }
        return -1;
    }

    private int previous(int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!tokens.get(j).is(Kind.SPACE)) {
                return j;
            }
        }
        return -1;
    }
}
