package dev.ferry.engine.source.expr;

import dev.ferry.engine.model.DataType;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.model.View;
import dev.ferry.engine.source.expr.SqlToken.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Translates a T-SQL-like view query (SQL Server, H2) token by token: identifiers to PostgreSQL's
 * double quotes in the configured name style, the tables and views read to their target names
 * (unqualified ones resolved in the view's schema, then the default schema), {@code TOP n} to
 * {@code LIMIT n}, {@code CONVERT}/{@code CAST}/{@code IIF}, functions by the dialect's rules and
 * string '+' next to a literal to '||'. Whatever has no translation (APPLY, PIVOT, table hints,
 * FOR XML, user functions, cross-database names, …) stops the view, named.
 */
public final class TokenViewTranslator implements ViewTranslator {
    private final boolean brackets;
    private final boolean createViewText;
    private final Map<String, FunctionRule> functions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Function<DataType, String> types;
    private final String defaultSchema;

    /**
     * @param createViewText whether a view's definition is a whole CREATE VIEW statement (SQL Server) rather than its query
     * @param types          a source type to its PostgreSQL spelling, or null when it has none
     */
    public TokenViewTranslator(boolean brackets, boolean createViewText, Map<String, FunctionRule> functions,
                               Function<DataType, String> types, String defaultSchema) {
        this.brackets = brackets;
        this.createViewText = createViewText;
        this.functions.putAll(functions);
        this.types = types;
        this.defaultSchema = defaultSchema;
    }

    @Override
    public ViewTranslation translate(View view, ViewNames names) {
        if (view.definition() == null) {
            return ViewTranslation.failed("its definition cannot be read (WITH ENCRYPTION)");
        }
        try {
            String query = createViewText ? ViewDefinitions.body(view.definition(), brackets)
                    : ViewDefinitions.withoutComments(view.definition(), brackets);
            List<SqlToken> tokens = new SqlTokenizer(brackets).tokenize(query.trim());
            Run run = new Run(view.ref().schema(), names, tokens);
            return ViewTranslation.ok(run.translate(), List.copyOf(run.reads));
        } catch (IllegalArgumentException e) {
            return ViewTranslation.failed(e.getMessage());
        }
    }

    /** One translation: the tokens, where FROM clauses are open, and what the query reads. */
    private final class Run implements ViewCalls {
        private final String viewSchema;
        private final ViewNames names;
        private final List<SqlToken> tokens;
        private final Set<TableRef> reads = new LinkedHashSet<>();
        /** Per open parenthesis (the query itself first): NORMAL, FROM (a FROM clause is open) or CALL (function arguments). */
        private final List<Level> levels = new ArrayList<>(List.of(Level.NORMAL));
        private boolean expectRelation;
        private String limit;
        private String lastName;
        private int lastNameEnd = -1;
        private int topEnd = -1;

        Run(String viewSchema, ViewNames names, List<SqlToken> tokens) {
            this.viewSchema = viewSchema;
            this.names = names;
            this.tokens = tokens;
        }

        String translate() {
            String sql = emit(0, tokens.size()).trim();
            return limit == null ? sql : sql + " LIMIT " + limit;
        }

        private String emit(int from, int to) {
            StringBuilder out = new StringBuilder();
            for (int i = from; i < to; i++) {
                SqlToken t = tokens.get(i);
                switch (t.kind()) {
                    case STRING -> out.append(TokenExpressionTranslator.quoteString(t.value()));
                    case NUMBER -> out.append(number(i));
                    case SPACE -> out.append(' ');
                    case SYMBOL -> i = symbol(i, out);
                    case WORD, QUOTED_IDENTIFIER -> i = name(i, to, out);
                    default -> out.append(t.text());
                }
            }
            return out.toString();
        }

        /** 0 or 1 compared with a bit column is false or true: PostgreSQL compares no boolean with an integer. */
        private String number(int i) {
            String text = tokens.get(i).text();
            int op = previous(i);
            int name = op < 0 ? -1 : previous(op);
            boolean comparison = op >= 0 && (tokens.get(op).isSymbol("=") || tokens.get(op).isSymbol("<>") || tokens.get(op).isSymbol("!="));
            if (comparison && name == lastNameEnd && lastName != null && names.isBoolean(lastName)
                    && (text.equals("0") || text.equals("1"))) {
                return text.equals("1") ? "true" : "false";
            }
            return text;
        }

        private int previous(int i) {
            int j = i - 1;
            while (j >= 0 && tokens.get(j).is(Kind.SPACE)) {
                j--;
            }
            return j;
        }

        private int symbol(int i, StringBuilder out) {
            SqlToken t = tokens.get(i);
            int depth = levels.size() - 1;
            if (t.isSymbol("(")) {
                levels.add(Level.NORMAL);
                expectRelation = false;
            } else if (t.isSymbol(")") && depth > 0) {
                levels.remove(depth);
            } else if (t.isSymbol(",") && levels.get(depth) == Level.FROM) {
                expectRelation = true;
            } else if (t.isSymbol("::") || t.isSymbol("@") || t.isSymbol("{")) {
                throw new IllegalArgumentException("'" + t.text() + "' has no PostgreSQL translation");
            }
            out.append(t.isSymbol("+") && concatenation(i) ? "||" : t.text());
            return i;
        }

        /** A keyword, function call or (qualified) name starting at {@code i}; returns the last token consumed. */
        private int name(int i, int to, StringBuilder out) {
            SqlToken t = tokens.get(i);
            String upper = t.value().toUpperCase(Locale.ROOT);
            int next = significant(i + 1);
            boolean call = t.is(Kind.WORD) && next < to && tokens.get(next).isSymbol("(");
            if (t.is(Kind.WORD) && upper.equals("TOP")) {
                return top(i, out);
            }
            if (t.is(Kind.WORD) && upper.equals("WITH") && significant(0) == i) {
                out.append("WITH");
                return i;
            }
            int before = previous(i);
            boolean alias = before >= 0 && tokens.get(before).is(Kind.WORD) && tokens.get(before).value().equalsIgnoreCase("AS");
            if (t.is(Kind.WORD) && !alias && (upper.equals("FETCH") || upper.equals("OFFSET"))) {
                return rowLimit(i, upper.equals("FETCH") ? "ONLY" : "ROWS", out);
            }
            if (alias && !call) {
                return chain(i, out);
            }
            if (t.is(Kind.WORD) && ViewVocabulary.T_SQL_ONLY.contains(upper)) {
                throw new IllegalArgumentException("T-SQL '" + t.text() + "' has no PostgreSQL translation");
            }
            if (t.is(Kind.WORD) && ViewVocabulary.KEYWORDS.contains(upper)) {
                keyword(upper);
                out.append(upper);
                return i;
            }
            if (call && !expectRelation) {
                return new CallTranslation(this, i, next).append(out);
            }
            return chain(i, out);
        }

        private void keyword(String upper) {
            int depth = levels.size() - 1;
            if (levels.get(depth) == Level.CALL) {
                return;
            }
            if (upper.equals("FROM")) {
                levels.set(depth, Level.FROM);
                expectRelation = true;
            } else if (upper.equals("JOIN")) {
                expectRelation = true;
            } else if (upper.equals("SELECT")) {
                levels.set(depth, Level.SELECT);
            } else if (ViewVocabulary.CLAUSES.contains(upper)) {
                levels.set(depth, Level.NORMAL);
            }
        }

        /** {@code OFFSET n ROWS} or {@code FETCH FIRST n ROWS ONLY} (H2 writes its TOP so), kept as written up to {@code end}. */
        private int rowLimit(int i, String end, StringBuilder out) {
            for (int j = i; j < tokens.size(); j++) {
                SqlToken t = tokens.get(j);
                out.append(t.is(Kind.SPACE) ? " " : t.text().toUpperCase(Locale.ROOT));
                String upper = t.value().toUpperCase(Locale.ROOT);
                if (t.is(Kind.WORD) && (upper.equals(end) || (end.equals("ROWS") && upper.equals("ROW")))) {
                    return j;
                }
            }
            throw new IllegalArgumentException("'" + tokens.get(i).text() + "' without " + end);
        }

        /** {@code TOP n} or {@code TOP (n)} of the outermost SELECT becomes {@code LIMIT n}. */
        private int top(int i, StringBuilder out) {
            if (levels.size() > 1) {
                throw new IllegalArgumentException("TOP in a subquery has no PostgreSQL translation");
            }
            int n = significant(i + 1);
            boolean paren = tokens.get(n).isSymbol("(");
            int value = paren ? significant(n + 1) : n;
            if (!tokens.get(value).is(Kind.NUMBER)) {
                throw new IllegalArgumentException("TOP " + tokens.get(value).text() + " (not a number) has no PostgreSQL translation");
            }
            int last = paren ? significant(value + 1) : value;
            int after = significant(last + 1);
            if (after < tokens.size() && tokens.get(after).is(Kind.WORD)
                    && Set.of("PERCENT", "WITH").contains(tokens.get(after).value().toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("TOP … " + tokens.get(after).text() + " has no PostgreSQL translation");
            }
            limit = tokens.get(value).text();
            topEnd = last;
            return last + 1 < tokens.size() && tokens.get(last + 1).is(Kind.SPACE) ? last + 1 : last;
        }

        /** A dot-separated name: a table or view where one is expected or its parts resolve to one, else a column or alias. */
        private int chain(int i, StringBuilder out) {
            List<String> parts = new ArrayList<>(List.of(tokens.get(i).value()));
            int last = i;
            while (last + 2 < tokens.size() && tokens.get(last + 1).isSymbol(".")
                    && (tokens.get(last + 2).is(Kind.WORD) || tokens.get(last + 2).is(Kind.QUOTED_IDENTIFIER))) {
                last += 2;
                parts.add(tokens.get(last).value());
            }
            int after = significant(last + 1);
            if (after < tokens.size() && tokens.get(after).isSymbol("(")) {
                throw new IllegalArgumentException((expectRelation ? "table-valued " : "") + "function "
                        + String.join(".", parts) + "() has no PostgreSQL translation");
            }
            if (expectRelation) {
                expectRelation = false;
                out.append(relation(parts));
                return last;
            }
            lastName = parts.get(parts.size() - 1);
            lastNameEnd = last;
            aliasAssignment(i, last, parts);
            if (parts.size() >= 2) {
                Optional<String> qualified = resolve(new TableRef(parts.get(0), parts.get(1)));
                if (qualified.isPresent() && parts.size() <= 3) {
                    out.append(qualified.get());
                    parts.subList(2, parts.size()).forEach(p -> out.append('.').append(identifier(p)));
                    return last;
                }
            }
            if (parts.size() > 2) {
                throw new IllegalArgumentException("name " + String.join(".", parts) + " (another database or a column of "
                        + "an unknown table) has no PostgreSQL translation");
            }
            out.append(String.join(".", parts.stream().map(this::identifier).toList()));
            return last;
        }

        private String relation(List<String> parts) {
            String written = String.join(".", parts);
            if (parts.size() > 2) {
                throw new IllegalArgumentException("reads " + written + " in another database");
            }
            List<TableRef> candidates = parts.size() == 2 ? List.of(new TableRef(parts.get(0), parts.get(1)))
                    : List.of(new TableRef(viewSchema, parts.get(0)), new TableRef(defaultSchema, parts.get(0)));
            for (TableRef c : candidates) {
                Optional<String> target = resolve(c);
                if (target.isPresent()) {
                    return target.get();
                }
            }
            throw new IllegalArgumentException("reads " + written + ", which is not created on the target");
        }

        private Optional<String> resolve(TableRef ref) {
            Optional<String> target = names.relation(ref);
            target.ifPresent(t -> reads.add(ref));
            return target;
        }

        String identifier(String sourceName) {
            return TokenExpressionTranslator.quoteIdentifier(names.identifier(sourceName));
        }

        @Override
        public String mapType(int from, int to) {
            List<SqlToken> ts = tokens.subList(from, to).stream().filter(t -> !t.is(Kind.SPACE)).toList();
            String text = String.join("", ts.stream().map(SqlToken::text).toList());
            if (ts.isEmpty() || !ts.get(0).is(Kind.WORD)) {
                throw new IllegalArgumentException("type " + text + " is not understood");
            }
            List<String> args = ts.stream().skip(1).filter(t -> t.is(Kind.NUMBER) || t.is(Kind.WORD)).map(SqlToken::text).toList();
            String mapped = types.apply(ViewVocabulary.dataType(ts.get(0).value(), args));
            if (mapped == null) {
                throw new IllegalArgumentException("type " + text + " has no PostgreSQL mapping");
            }
            return mapped;
        }

        @Override
        public List<SqlToken> tokens() {
            return tokens;
        }

        @Override
        public Map<String, FunctionRule> functions() {
            return functions;
        }

        @Override
        public boolean standard(String function) {
            return ViewVocabulary.STANDARD_FUNCTIONS.contains(function.toLowerCase(Locale.ROOT));
        }

        /** The arguments of a function call, translated; a FROM among them (EXTRACT, SUBSTRING) opens no FROM clause. */
        @Override
        public String arguments(int from, int to) {
            levels.add(Level.CALL);
            try {
                return emit(from, to);
            } finally {
                levels.remove(levels.size() - 1);
            }
        }

        int significant(int from) {
            int j = from;
            while (j < tokens.size() && tokens.get(j).is(Kind.SPACE)) {
                j++;
            }
            return j;
        }

        /** T-SQL's {@code SELECT Alias = expression} reads as a comparison in PostgreSQL: refused, not passed on. */
        private void aliasAssignment(int first, int last, List<String> parts) {
            int before = previous(first);
            int after = significant(last + 1);
            boolean itemStart = before >= 0 && (tokens.get(before).isSymbol(",") || tokens.get(before).value().equalsIgnoreCase("SELECT")
                    || tokens.get(before).value().equalsIgnoreCase("DISTINCT") || before == topEnd);
            if (levels.get(levels.size() - 1) == Level.SELECT && parts.size() == 1 && itemStart && after < tokens.size()
                    && tokens.get(after).isSymbol("=")) {
                throw new IllegalArgumentException("column alias written as " + parts.get(0) + " = expression");
            }
        }

        /**
         * '+' is string concatenation next to a literal or a column that is text on the target. Next
         * to a number (a numeric literal or column) T-SQL converts the string and adds, so a string
         * '+' a number stops the view rather than becoming '||'.
         */
        private boolean concatenation(int i) {
            int prev = previous(i);
            int next = significant(i + 1);
            String before = prev < 0 ? "" : prev == lastNameEnd && lastName != null ? lastName : tokens.get(prev).value();
            String after = next < tokens.size() ? lastPartFrom(next) : "";
            boolean stringBefore = prev >= 0 && (tokens.get(prev).is(Kind.STRING) || (prev == lastNameEnd && names.isText(before)));
            boolean stringAfter = next < tokens.size() && (tokens.get(next).is(Kind.STRING) || names.isText(after));
            boolean numberBefore = prev >= 0 && (tokens.get(prev).is(Kind.NUMBER) || (prev == lastNameEnd && names.mayBeNumber(before)));
            boolean numberAfter = next < tokens.size() && (tokens.get(next).is(Kind.NUMBER) || names.mayBeNumber(after));
            if ((stringBefore && numberAfter) || (numberBefore && stringAfter)) {
                throw new IllegalArgumentException("'" + tokens.get(prev).text() + " + " + tokens.get(next).text() + "' (a string '+' "
                        + "a number) adds in T-SQL, where PostgreSQL's || would concatenate");
            }
            return stringBefore || stringAfter;
        }

        /** The last part of the dot-separated name starting at {@code i}, or "" when none starts there. */
        private String lastPartFrom(int i) {
            String part = "";
            int j = i;
            while (j < tokens.size() && (tokens.get(j).is(Kind.WORD) || tokens.get(j).is(Kind.QUOTED_IDENTIFIER))) {
                part = tokens.get(j).value();
                if (j + 2 < tokens.size() && tokens.get(j + 1).isSymbol(".")) {
                    j += 2;
                } else {
                    break;
                }
            }
            return part;
        }
    }

    private enum Level { NORMAL, SELECT, FROM, CALL }
}
