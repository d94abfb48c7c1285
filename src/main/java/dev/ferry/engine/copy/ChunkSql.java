package dev.ferry.engine.copy;

import dev.ferry.engine.model.ChunkRange;
import dev.ferry.engine.model.KeyValues;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.source.SourceDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The SQL that selects one chunk's rows on the source, beside the copy that runs it: the predicate
 * over the copy key and its bound values, from the chunk's bounds as the plan recorded them.
 */
public final class ChunkSql {
    private ChunkSql() {
    }

    /**
     * The source-side predicate selecting a chunk's rows, with {@code ?} for each bound value in
     * {@link #parameters(ChunkRange)} order. Composite keys are expanded
     * ({@code a > ? OR (a = ? AND b > ?)}) because SQL Server has no row-value comparison.
     */
    public static String predicate(SourceDialect dialect, List<String> key, ChunkRange chunk) {
        return predicate(dialect, key, chunk, value -> "?");
    }

    /**
     * The predicate over {@code table}'s copy key, each {@code ?} typed as its key column by
     * {@link SourceDialect#keyParameter} so the source compares in the column's own order.
     */
    public static String predicate(SourceDialect dialect, Table table, ChunkRange chunk) {
        List<String> key = table.copyKey();
        List<UnaryOperator<String>> typed = key.stream().map(k -> table.column(k).orElseThrow())
                .<UnaryOperator<String>>map(c -> p -> dialect.keyParameter(c, p)).toList();
        return predicate(dialect, key, typed, chunk, value -> "?");
    }

    /**
     * The same predicate with each bound value written by {@code render} (a literal, where the
     * source's statement cannot take parameters), built in one pass: no text is ever substituted
     * into text already built, so a {@code ?} inside a literal or an identifier stays what it is.
     */
    public static String predicate(SourceDialect dialect, List<String> key, ChunkRange chunk, Function<Object, String> render) {
        return predicate(dialect, key, key.stream().<UnaryOperator<String>>map(k -> UnaryOperator.identity()).toList(), chunk, render);
    }

    private static String predicate(SourceDialect dialect, List<String> key, List<UnaryOperator<String>> typed, ChunkRange chunk,
                                    Function<Object, String> render) {
        List<String> parts = new ArrayList<>();
        if (chunk.lower() != null) {
            parts.add(compare(dialect, key, typed, decode(chunk.lower()), ">", render));
        }
        if (chunk.upper() != null) {
            parts.add(compare(dialect, key, typed, decode(chunk.upper()), "<=", render));
        }
        return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
    }

    /** The bound values in the order {@link #predicate} uses them. */
    public static List<Object> parameters(ChunkRange chunk) {
        List<Object> out = new ArrayList<>();
        if (chunk.lower() != null) {
            expand(decode(chunk.lower()), out);
        }
        if (chunk.upper() != null) {
            expand(decode(chunk.upper()), out);
        }
        return out;
    }

    private static List<Object> decode(List<String> bound) {
        return bound.stream().map(KeyValues::decode).toList();
    }

    private static void expand(List<Object> bound, List<Object> out) {
        for (int i = 0; i < bound.size(); i++) {
            for (int j = 0; j < i; j++) {
                out.add(bound.get(j));
            }
            out.add(bound.get(i));
        }
    }

    private static String compare(SourceDialect dialect, List<String> key, List<UnaryOperator<String>> typed, List<Object> bound,
                                  String op, Function<Object, String> render) {
        String strict = op.startsWith(">") ? ">" : "<";
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(dialect.quote(key.get(j)) + " = " + typed.get(j).apply(render.apply(bound.get(j))));
            }
            boolean last = i == key.size() - 1;
            terms.add(dialect.quote(key.get(i)) + " " + (last ? op : strict) + " " + typed.get(i).apply(render.apply(bound.get(i))));
            alternatives.add(terms.size() == 1 ? terms.get(0) : "(" + String.join(" AND ", terms) + ")");
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }
}
