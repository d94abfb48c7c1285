package dev.ferry.engine.queries;

import dev.ferry.engine.verify.ValueNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two sides' answers: the same number of columns with the same names (ignoring case),
 * then the same rows — in the same order when the query is ordered, else as a multiset (each row
 * as often on one side as on the other).
 */
public final class ResultComparer {
    private ResultComparer() {
    }

    /** The first difference, or empty when the answers are equal. */
    public static Optional<ResultDifference> compare(QueryResult source, QueryResult target, boolean ordered) {
        Optional<ResultDifference> columns = columns(source.columns(), target.columns());
        if (columns.isPresent()) {
            return columns;
        }
        return ordered ? ordered(source, target) : multiset(source, target);
    }

    private static Optional<ResultDifference> columns(List<String> s, List<String> t) {
        if (s.size() != t.size()) {
            return Optional.of(new ResultDifference("the source returns " + s.size() + " columns " + s + ", the target " + t.size()
                    + " " + t, null, null));
        }
        for (int i = 0; i < s.size(); i++) {
            if (!s.get(i).toLowerCase(Locale.ROOT).equals(t.get(i).toLowerCase(Locale.ROOT))) {
                return Optional.of(new ResultDifference("column " + (i + 1) + " is '" + s.get(i) + "' on the source, '" + t.get(i)
                        + "' on the target", null, null));
            }
        }
        return Optional.empty();
    }

    private static Optional<ResultDifference> ordered(QueryResult s, QueryResult t) {
        int n = Math.max(s.rows().size(), t.rows().size());
        for (int i = 0; i < n; i++) {
            List<String> a = i < s.rows().size() ? s.rows().get(i) : null;
            List<String> b = i < t.rows().size() ? t.rows().get(i) : null;
            if (a == null || !a.equals(b)) {
                String what = "row " + (i + 1) + (a == null ? " is only on the target" : b == null ? " is only on the source" : " differs")
                        + " (source " + s.rows().size() + " rows, target " + t.rows().size() + " rows)";
                return Optional.of(new ResultDifference(what, row(s.columns(), a), row(s.columns(), b)));
            }
        }
        return Optional.empty();
    }

    private static Optional<ResultDifference> multiset(QueryResult s, QueryResult t) {
        Map<List<String>, Integer> left = new HashMap<>();
        s.rows().forEach(r -> left.merge(r, 1, Integer::sum));
        List<List<String>> onlyTarget = new ArrayList<>();
        for (List<String> r : t.rows()) {
            Integer n = left.get(r);
            if (n == null) {
                onlyTarget.add(r);
            } else if (n == 1) {
                left.remove(r);
            } else {
                left.put(r, n - 1);
            }
        }
        if (left.isEmpty() && onlyTarget.isEmpty()) {
            return Optional.empty();
        }
        List<String> onlySource = s.rows().stream().filter(left::containsKey).findFirst().orElse(null);
        List<String> firstTarget = onlyTarget.isEmpty() ? null : onlyTarget.get(0);
        String what = onlySource != null && firstTarget != null ? "a row differs" : onlySource != null ? "a source row is missing on the target"
                : "the target returns a row the source does not";
        return Optional.of(new ResultDifference(what + " (source " + s.rows().size() + " rows, target " + t.rows().size() + " rows)",
                row(s.columns(), onlySource), row(s.columns(), firstTarget)));
    }

    /** A row as {@code column=value} pairs, values as reports show them. */
    static String row(List<String> columns, List<String> values) {
        if (values == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(i < columns.size() ? columns.get(i) : "#" + (i + 1)).append('=')
                    .append(ValueNormalizer.display(values.get(i)));
        }
        return out.toString();
    }
}
