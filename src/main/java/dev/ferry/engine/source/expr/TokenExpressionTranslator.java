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
 * concatenation with '+' next to a string literal to '||', and functions by their rules.
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

    /**
     * @param functions          rules keyed by source function name, matched case-insensitively
     * @param passThroughUnknown keep unknown functions and words as written (PostgreSQL sources)
     */
    public TokenExpressionTranslator(boolean bracketIdentifiers, Map<String, FunctionRule> functions,
                                     boolean passThroughUnknown) {
        this.tokenizer = new SqlTokenizer(bracketIdentifiers);
        this.functions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        this.functions.putAll(functions);
        this.passThroughUnknown = passThroughUnknown;
    }

    @Override
    public Translation translate(String expression, Map<String, String> columns) {
        List<SqlToken> tokens;
        try {
            tokens = tokenizer.tokenize(expression);
        } catch (IllegalArgumentException e) {
            return Translation.failed(e.getMessage());
        }
        Map<String, String> columnsAnyCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        columnsAnyCase.putAll(columns);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            switch (t.kind()) {
                case STRING -> out.append(quoteString(t.value()));
                case QUOTED_IDENTIFIER -> out.append(quoteIdentifier(columnsAnyCase.getOrDefault(t.value(), t.value())));
                case SYMBOL -> out.append(isConcatenation(tokens, i) ? "||" : t.text());
                case WORD -> {
                    int next = nextSignificant(tokens, i);
                    boolean call = next >= 0 && tokens.get(next).isSymbol("(");
                    boolean keyword = KEYWORDS.contains(t.value().toUpperCase(Locale.ROOT));
                    if (call && (functions.containsKey(t.value()) || !keyword)) {
                        int consumed = appendFunction(tokens, i, next, out);
                        if (consumed < 0) {
                            return Translation.failed("function " + t.text() + "() has no PostgreSQL translation");
                        }
                        i = consumed;
                    } else if (columnsAnyCase.containsKey(t.value())) {
                        out.append(quoteIdentifier(columnsAnyCase.get(t.value())));
                    } else if (keyword) {
                        out.append(t.value().toUpperCase(Locale.ROOT));
                    } else if (passThroughUnknown) {
                        out.append(t.text());
                    } else {
                        return Translation.failed("'" + t.text() + "' is neither a column nor a known keyword");
                    }
                }
                case SPACE -> out.append(' ');
                default -> out.append(t.text());
            }
        }
        return Translation.ok(out.toString().trim());
    }

    /** Appends the translated function name or call; returns the index of the last token consumed, or -1. */
    private int appendFunction(List<SqlToken> tokens, int nameIndex, int parenIndex, StringBuilder out) {
        String name = tokens.get(nameIndex).text();
        FunctionRule rule = functions.get(name);
        if (rule == null) {
            if (!passThroughUnknown) {
                return -1;
            }
            out.append(name);
            return nameIndex;
        }
        if (!rule.replacesCall()) {
            out.append(rule.postgres());
            return nameIndex;
        }
        int depth = 0;
        for (int j = parenIndex; j < tokens.size(); j++) {
            if (tokens.get(j).isSymbol("(")) {
                depth++;
            } else if (tokens.get(j).isSymbol(")") && --depth == 0) {
                out.append(rule.postgres());
                return j;
            }
        }
        return -1;
    }

    private static boolean isConcatenation(List<SqlToken> tokens, int i) {
        if (!tokens.get(i).isSymbol("+")) {
            return false;
        }
        int prev = previousSignificant(tokens, i);
        int next = nextSignificant(tokens, i);
        return (prev >= 0 && tokens.get(prev).is(Kind.STRING)) || (next >= 0 && tokens.get(next).is(Kind.STRING));
    }

    private static int nextSignificant(List<SqlToken> tokens, int i) {
        for (int j = i + 1; j < tokens.size(); j++) {
            if (!tokens.get(j).is(Kind.SPACE)) {
                return j;
            }
        }
        return -1;
    }

    private static int previousSignificant(List<SqlToken> tokens, int i) {
        for (int j = i - 1; j >= 0; j--) {
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
