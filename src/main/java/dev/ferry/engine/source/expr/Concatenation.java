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
 */
final class Concatenation {
    private static final Set<String> STRING_FUNCTIONS = Set.of("upper", "lower", "ltrim", "rtrim", "trim", "substring",
            "replace", "left", "right", "concat", "reverse", "replicate", "space", "stuff", "format", "char", "nchar");

    private final List<SqlToken> tokens;
    private final Set<String> characterColumns;

    /** @param characterColumns the character columns' source names, lower-cased with Locale.ROOT */
    Concatenation(List<SqlToken> tokens, Set<String> characterColumns) {
        this.tokens = tokens;
        this.characterColumns = characterColumns;
    }

    /** Whether the {@code +} at {@code i} concatenates. */
    boolean at(int i) {
        if (!tokens.get(i).isSymbol("+")) {
            return false;
        }
        int prev = previous(i);
        int next = next(i);
        return (prev >= 0 && endsCharacter(prev)) || (next >= 0 && startsCharacter(next));
    }

    /** Whether the operand whose last token is {@code i} is a string. */
    private boolean endsCharacter(int i) {
        SqlToken t = tokens.get(i);
        if (!t.isSymbol(")")) {
            return isCharacterAtom(t);
        }
        int open = matchingOpen(i);
        if (open < 0) {
            return false;
        }
        int before = previous(open);
        if (before >= 0 && tokens.get(before).is(Kind.WORD)) {
            return STRING_FUNCTIONS.contains(tokens.get(before).value().toLowerCase(Locale.ROOT));
        }
        return groupIsCharacter(open, i);
    }

    /** Whether the operand whose first token is {@code i} is a string. */
    private boolean startsCharacter(int i) {
        SqlToken t = tokens.get(i);
        if (t.isSymbol("(")) {
            int close = matchingClose(i);
            return close > 0 && groupIsCharacter(i, close);
        }
        int after = next(i);
        if (t.is(Kind.WORD) && after >= 0 && tokens.get(after).isSymbol("(")) {
            return STRING_FUNCTIONS.contains(t.value().toLowerCase(Locale.ROOT));
        }
        return isCharacterAtom(t);
    }

    /** A parenthesized expression is a string when its first or last operand is. */
    private boolean groupIsCharacter(int open, int close) {
        int first = next(open);
        int last = previous(close);
        return first > open && first < close && (startsCharacter(first) || endsCharacter(last));
    }

    private boolean isCharacterAtom(SqlToken t) {
        return t.is(Kind.STRING) || ((t.is(Kind.QUOTED_IDENTIFIER) || t.is(Kind.WORD))
                && characterColumns.contains(t.value().toLowerCase(Locale.ROOT)));
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
