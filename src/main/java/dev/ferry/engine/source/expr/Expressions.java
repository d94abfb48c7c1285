package dev.ferry.engine.source.expr;

/** Small helpers shared by the dialects' expression handling. */
public final class Expressions {
    private Expressions() {
    }

    /** Removes parentheses that enclose the whole expression: {@code ((0))} becomes {@code 0}. */
    public static String stripOuterParentheses(String expression) {
        String s = expression.trim();
        while (s.startsWith("(") && s.endsWith(")") && closingParenthesis(s) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    private static int closingParenthesis(String s) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (!inString && c == '(') {
                depth++;
            } else if (!inString && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
