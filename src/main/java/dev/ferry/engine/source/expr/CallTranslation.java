package dev.ferry.engine.source.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One function call inside a view's query: CONVERT, CAST, IIF, the dialect's rules and standard functions. */
final class CallTranslation {
    private final ViewCalls run;
    private final int name;
    private final int open;
    private final int close;

    CallTranslation(ViewCalls run, int name, int open) {
        this.run = run;
        this.name = name;
        this.open = open;
        this.close = closing(run.tokens(), open);
    }

    /** Appends the translated call; returns the index of its closing parenthesis. */
    int append(StringBuilder out) {
        String written = run.tokens().get(name).text();
        List<int[]> args = arguments();
        FunctionRule rule = run.functions().get(written);
        switch (written.toLowerCase(Locale.ROOT)) {
            case "convert" -> out.append(convert(args));
            case "cast" -> out.append(cast());
            case "iif" -> {
                require(args.size() == 3, "IIF with " + args.size() + " arguments");
                out.append("(CASE WHEN ").append(arg(args.get(0))).append(" THEN ").append(arg(args.get(1)))
                        .append(" ELSE ").append(arg(args.get(2))).append(" END)");
            }
            default -> {
                if (rule != null && rule.replacesCall()) {
                    out.append(rule.postgres());
                } else if (rule != null || run.standard(written)) {
                    out.append(rule != null ? rule.postgres() : written.toLowerCase(Locale.ROOT))
                            .append('(').append(run.arguments(open + 1, close)).append(')');
                } else {
                    throw new IllegalArgumentException("function " + written + "() has no PostgreSQL translation");
                }
            }
        }
        return close;
    }

    private String convert(List<int[]> args) {
        require(args.size() == 2, "CONVERT with a style argument");
        return "CAST(" + arg(args.get(1)) + " AS " + run.mapType(args.get(0)[0], args.get(0)[1]) + ")";
    }

    private String cast() {
        int depth = 0;
        for (int i = open + 1; i < close; i++) {
            SqlToken t = run.tokens().get(i);
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            if (depth == 0 && t.is(SqlToken.Kind.WORD) && t.value().equalsIgnoreCase("AS")) {
                return "CAST(" + run.arguments(open + 1, i).trim() + " AS " + run.mapType(i + 1, close) + ")";
            }
        }
        throw new IllegalArgumentException("CAST without AS");
    }

    private String arg(int[] range) {
        return run.arguments(range[0], range[1]).trim();
    }

    /** The top-level comma-separated argument ranges, [from, to). */
    private List<int[]> arguments() {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < close; i++) {
            SqlToken t = run.tokens().get(i);
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            if (depth == 0 && t.isSymbol(",")) {
                out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        out.add(new int[] {start, close});
        return out;
    }

    private static int closing(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses");
    }

    private static void require(boolean condition, String construct) {
        if (!condition) {
            throw new IllegalArgumentException(construct + " has no PostgreSQL translation");
        }
    }
}
