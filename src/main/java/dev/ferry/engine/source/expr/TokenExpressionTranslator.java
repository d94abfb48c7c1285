package dev.ferry.engine.source.expr;

import dev.ferry.engine.source.expr.SqlToken.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An {@link ExpressionTranslator} driven by a dialect's function rules. It rewrites identifiers
 * to PostgreSQL's double quotes (renaming columns), national strings to plain strings, string
 * concatenation with '+' to '||' (decided from the operands' types: {@link Concatenation}; a string
 * '+' a number adds in T-SQL and is refused), and functions by their rules.
 * An unknown function or bare word is a problem unless the dialect is PostgreSQL itself
 * ({@code passThroughUnknown}).
 */
public final class TokenExpressionTranslator implements ExpressionTranslator {
    private static final Set<String> KEYWORDS = Set.of(
            "AND", "OR", "NOT", "IS", "NULL", "IN", "LIKE", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "END",
            "TRUE", "FALSE", "ESCAPE", "CURRENT_TIMESTAMP", "CURRENT_DATE", "LOCALTIMESTAMP", "CURRENT_TIME",
            "LOCALTIME");

    private final SqlTokenizer tokenizer;
    private final Map<String, FunctionRule> functions;
    private final boolean passThroughUnknown;
    private final boolean plusConcatenates;

    /**
     * @param functions          rules keyed by source function name, matched case-insensitively
     * @param passThroughUnknown keep unknown functions and words as written (PostgreSQL sources)
     * @param plusConcatenates   the source's {@code +} joins strings (T-SQL); where it never does
     *                           (PostgreSQL), {@code +} is kept as written, whatever its operands
     */
    public TokenExpressionTranslator(boolean bracketIdentifiers, Map<String, FunctionRule> functions,
                                     boolean passThroughUnknown, boolean plusConcatenates) {
        this.tokenizer = new SqlTokenizer(bracketIdentifiers);
        this.functions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        this.functions.putAll(functions);
        this.passThroughUnknown = passThroughUnknown;
        this.plusConcatenates = plusConcatenates;
    }

    @Override
    public Translation translate(String expression, Map<String, String> columns) {
        return translate(expression, columns, ColumnTypes.NONE);
    }

    @Override
    public Translation translate(String expression, Map<String, String> columns, ColumnTypes types) {
        List<SqlToken> tokens;
        try {
            tokens = tokenizer.tokenize(expression);
        } catch (IllegalArgumentException e) {
            return Translation.failed(e.getMessage());
        }
        Map<String, String> columnsAnyCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        columnsAnyCase.putAll(columns);
        Run run = new Run(tokens, columnsAnyCase, new Concatenation(tokens, types));
        StringBuilder out = new StringBuilder();
        String problem = run.translate(0, tokens.size(), out);
        return problem == null ? Translation.ok(out.toString().trim()) : Translation.failed(problem);
    }

    /** One translation: the tokens, the column names and the concatenation decisions. */
    private final class Run {
        private final List<SqlToken> tokens;
        private final Map<String, String> columnsAnyCase;
        private final Concatenation concatenation;

        Run(List<SqlToken> tokens, Map<String, String> columnsAnyCase, Concatenation concatenation) {
            this.tokens = tokens;
            this.columnsAnyCase = columnsAnyCase;
            this.concatenation = concatenation;
        }

        /** Translates tokens {@code from} (inclusive) to {@code to} (exclusive); returns the problem, or null. */
        String translate(int from, int to, StringBuilder out) {
            for (int i = from; i < to; i++) {
                SqlToken t = tokens.get(i);
                switch (t.kind()) {
                    case STRING -> out.append(quoteString(t.value()));
                    case QUOTED_IDENTIFIER -> out.append(quoteIdentifier(columnsAnyCase.getOrDefault(t.value(), t.value())));
                    case SYMBOL -> {
                        String mixed = plusConcatenates ? concatenation.mixedOperands(i) : null;
                        if (mixed != null) {
                            return mixed;
                        }
                        out.append(plusConcatenates && concatenation.at(i) ? "||" : t.text());
                    }
                    case WORD -> {
                        int next = nextSignificant(tokens, i);
                        boolean call = next >= 0 && next < to && tokens.get(next).isSymbol("(");
                        boolean keyword = KEYWORDS.contains(t.value().toUpperCase(Locale.ROOT));
                        if (call && (functions.containsKey(t.value()) || !keyword)) {
                            int[] consumed = {i};
                            String problem = appendFunction(i, next, out, consumed);
                            if (problem != null) {
                                return problem;
                            }
                            i = consumed[0];
                        } else if (columnsAnyCase.containsKey(t.value())) {
                            out.append(quoteIdentifier(columnsAnyCase.get(t.value())));
                        } else if (keyword) {
                            out.append(t.value().toUpperCase(Locale.ROOT));
                        } else if (passThroughUnknown) {
                            out.append(t.text());
                        } else {
                            return "'" + t.text() + "' is neither a column nor a known keyword";
                        }
                    }
                    case SPACE -> out.append(' ');
                    default -> out.append(t.text());
                }
            }
            return null;
        }

        /** Appends the translated function name or call; sets {@code consumed[0]} to the last token consumed. */
        private String appendFunction(int nameIndex, int parenIndex, StringBuilder out, int[] consumed) {
            String name = tokens.get(nameIndex).text();
            FunctionRule rule = functions.get(name);
            String unknown = "function " + name + "() has no PostgreSQL translation";
            if (rule == null) {
                if (!passThroughUnknown) {
                    return unknown;
                }
                out.append(name);
                return null;
            }
            if (rule.refusal() != null) {
                return "function " + name + "() is not translated: " + rule.refusal();
            }
            if (!rule.replacesCall() && rule.closing() == null) {
                out.append(rule.postgres());
                return null;
            }
            int close = closingParenthesis(parenIndex);
            if (close < 0) {
                return unknown;
            }
            consumed[0] = close;
            if (rule.replacesCall()) {
                out.append(rule.postgres());
                return null;
            }
            out.append(rule.postgres());
            String problem = translate(parenIndex + 1, close, out);
            out.append(rule.closing());
            return problem;
        }

        private int closingParenthesis(int open) {
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
    }

    private static int nextSignificant(List<SqlToken> tokens, int i) {
        for (int j = i + 1; j < tokens.size(); j++) {
            if (!tokens.get(j).is(Kind.SPACE)) {
                return j;
            }
        }
        return -1;
    }

    static String quoteString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
