package dev.ferry.engine.verify;

import dev.ferry.engine.verify.ValidationReport.DifferenceKind;
import dev.ferry.engine.verify.ValidationReport.TableStatus;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.source.KeyText;
import dev.ferry.engine.destination.LongestValue;
import dev.ferry.engine.verify.TableScan.Row;
import dev.ferry.engine.verify.ValidationReport.ColumnDifference;
import dev.ferry.engine.verify.ValidationReport.RowDifference;
import dev.ferry.engine.verify.ValidationReport.TableResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/** Compares one table: counts, bucket hashes, then the rows of differing buckets, rechecked on a live source. */
final class TableValidator {
    private static final int ROWS_PER_BUCKET = 1_000;
    private static final int MAX_BUCKETS = 1 << 16;
    private static final int HASH_LEVEL_DRILL_BUCKETS = 64;
    private static final String UNDEFINED_COLUMN = "42703";
    private static final String UNDEFINED_TABLE = "42P01";
    private final ValidationOptions options;
    private final Supplier<Connection> source;
    private final Supplier<Connection> target;
    private final ExecutorService sides;

    TableValidator(ValidationOptions options, Supplier<Connection> source, Supplier<Connection> target, ExecutorService sides) {
        this.options = options;
        this.source = source;
        this.target = target;
        this.sides = sides;
    }

    TableResult validate(ComparedTable t, String sourceCount) {
        List<String> notCompared = t.target.columns().stream().filter(c -> c.isGenerated()).map(c -> c.name()).toList();
        long srcRows = count(source, "SELECT " + sourceCount + " FROM " + t.sourceFrom, t.name() + " on the source");
        String missing = missingOnTarget(t);
        if (missing != null) {
            // the schema differences name what is missing; the rows cannot be read, so none is compared (issue 12.10)
            long tgtRows = missing.equals(UNDEFINED_TABLE) ? 0 : count(target, "SELECT count(*) FROM " + t.targetFrom,
                    t.name() + " on the target");
            List<String> all = t.target.columns().stream().map(c -> c.name()).toList();
            return new TableResult(t.name(), t.target.ref().toString(), TableStatus.MISMATCH, srcRows, tgtRows, 0, 0, 0, 0, 0, 0, false,
                    List.of(), all);
        }
        if (options.level() == ValidationLevel.COUNT) {
            long tgtRows = count(target, "SELECT count(*) FROM " + t.targetFrom, t.name() + " on the target");
            return new TableResult(t.name(), t.target.ref().toString(), srcRows == tgtRows ? TableStatus.EQUAL : TableStatus.MISMATCH, srcRows, tgtRows,
                    0, 0, Math.max(0, srcRows - tgtRows), Math.max(0, tgtRows - srcRows), 0, 0, false, List.of(), notCompared);
        }
        int buckets = (int) Math.max(1, Math.min(MAX_BUCKETS, srcRows / ROWS_PER_BUCKET));
        int fetchSize = fetchSize(t);
        TableScan[] pass = scanBoth(t, buckets, Set.of(), fetchSize);
        Set<Integer> differing = new TreeSet<>();
        for (int b = 0; b < buckets; b++) {
            if (pass[0].hi[b] != pass[1].hi[b] || pass[0].lo[b] != pass[1].lo[b] || pass[0].counts[b] != pass[1].counts[b]) {
                differing.add(b);
            }
        }
        if (differing.isEmpty()) {
            return new TableResult(t.name(), t.target.ref().toString(), TableStatus.EQUAL, pass[0].rows, pass[1].rows, buckets, 0, 0, 0, 0, 0,
                    false, List.of(), notCompared);
        }
        Set<Integer> open = options.level() == ValidationLevel.DIFF ? differing
                : new HashSet<>(differing.stream().limit(HASH_LEVEL_DRILL_BUCKETS).toList());
        TableScan[] rows = scanBoth(t, buckets, open, fetchSize);
        Diff diff = t.keyed() ? keyedDiff(t, rows[0], rows[1]) : multisetDiff(rows[0], rows[1]);
        boolean truncated = rows[0].truncated || rows[1].truncated || open.size() < differing.size();
        // counts from the read that found the differences, so that on a live database they describe one moment (issue 12.11)
        boolean equal = diff.total() == 0 && !truncated && rows[0].rows == rows[1].rows;
        return new TableResult(t.name(), t.target.ref().toString(), equal ? TableStatus.EQUAL : TableStatus.MISMATCH, rows[0].rows, rows[1].rows, buckets,
                differing.size(), diff.missing, diff.extra, diff.different, diff.settled, truncated,
                diff.samples.stream().limit(options.samples()).toList(), notCompared);
    }

    /**
     * Reads both sides at once; a table read one row at a time for its long values is read one side
     * after the other instead, so that only one side's long value is in memory at a time.
     */
    private TableScan[] scanBoth(ComparedTable t, int buckets, Set<Integer> collect, int fetchSize) {
        Supplier<TableScan> readSource = () -> {
            try (Connection c = source.get()) {
                return TableScan.scan(c, "SELECT " + t.sourceSelect + " FROM " + t.sourceFrom, t.sourceReaders, t.keyIndexes,
                        buckets, collect, options.maxRows(), fetchSize, t.name() + " on the source");
            } catch (SQLException e) {
                throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read " + t.name() + " on the source", e);
            }
        };
        boolean oneSideAtATime = fetchSize == 1;
        CompletableFuture<TableScan> src = oneSideAtATime ? CompletableFuture.completedFuture(readSource.get())
                : CompletableFuture.supplyAsync(readSource, sides);
        TableScan tgt;
        try (Connection c = target.get()) {
            tgt = TableScan.scan(c, "SELECT " + t.targetSelect + " FROM " + t.targetFrom, t.targetReaders, t.keyIndexes,
                    buckets, collect, options.maxRows(), fetchSize, t.target.ref() + " on the target");
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read " + t.target.ref() + " on the target", e);
        }
        return new TableScan[] {src.join(), tgt};
    }

    /** The configured fetch size, lowered so that a fetch of the table's longest values stays within {@link LongestValue#FETCH_BYTES}. */
    private int fetchSize(ComparedTable t) {
        String sql = t.longestValueSql();
        if (sql == null) {
            return options.fetchSize();
        }
        long longest = count(target, sql, "the longest value of " + t.target.ref() + " on the target");
        return LongestValue.fetchSize(longest, options.fetchSize());
    }

    /** Differences found, with those that settled on recheck taken out. */
    private static final class Diff {
        long missing;
        long extra;
        long different;
        long settled;
        final List<RowDifference> samples = new ArrayList<>();

        long total() {
            return missing + extra + different;
        }
    }

    private Diff keyedDiff(ComparedTable t, TableScan src, TableScan tgt) {
        Diff d = new Diff();
        List<String> suspects = new ArrayList<>();
        src.byKey.forEach((k, row) -> {
            Row other = tgt.byKey.get(k);
            if (other == null || !other.sameAs(row)) {
                suspects.add(k);
            }
        });
        tgt.byKey.keySet().stream().filter(k -> !src.byKey.containsKey(k)).forEach(suspects::add);
        Map<String, Row> srcRows = src.byKey;
        Map<String, Row> tgtRows = tgt.byKey;
        if (!options.recheckAfter().isZero() && !suspects.isEmpty()) {
            options.recheckPause().pause(options.recheckAfter());
            srcRows = new java.util.HashMap<>();
            tgtRows = new java.util.HashMap<>();
            for (String k : suspects) {
                List<List<String>> key = List.of(t.keyText(k));
                Row s = lookup(source, t.sourceByKeys(1), t.sourceReaders, ps -> t.bindSourceKeys(ps, key));
                Row g = lookup(target, t.targetByKeys(1), t.targetReaders, ps -> KeyText.bind(ps, ps.getConnection(), key));
                if (s != null) {
                    srcRows.put(k, s);
                }
                if (g != null) {
                    tgtRows.put(k, g);
                }
            }
        }
        for (String k : suspects) {
            Row s = srcRows.get(k);
            Row g = tgtRows.get(k);
            String key = describeKey(t, k);
            if (s == null && g == null || s != null && g != null && s.sameAs(g)) {
                d.settled++;
            } else if (g == null) {
                d.missing++;
                d.samples.add(new RowDifference(DifferenceKind.MISSING, key, List.of()));
            } else if (s == null) {
                d.extra++;
                d.samples.add(new RowDifference(DifferenceKind.EXTRA, key, List.of()));
            } else {
                d.different++;
                d.samples.add(new RowDifference(DifferenceKind.DIFFERENT, key, columns(t, s, g)));
            }
        }
        return d;
    }

    private static Diff multisetDiff(TableScan src, TableScan tgt) {
        Diff d = new Diff();
        Set<String> hashes = new HashSet<>(src.byHash.keySet());
        hashes.addAll(tgt.byHash.keySet());
        for (String h : hashes) {
            int delta = src.byHash.getOrDefault(h, 0) - tgt.byHash.getOrDefault(h, 0);
            if (delta > 0) {
                d.missing += delta;
                d.samples.add(new RowDifference(DifferenceKind.MISSING, "row hash " + h + " x" + delta, List.of()));
            } else if (delta < 0) {
                d.extra -= delta;
                d.samples.add(new RowDifference(DifferenceKind.EXTRA, "row hash " + h + " x" + -delta, List.of()));
            }
        }
        return d;
    }

    private static List<ColumnDifference> columns(ComparedTable t, Row s, Row g) {
        List<ColumnDifference> out = new ArrayList<>();
        for (int i = 0; i < t.targetColumns.size(); i++) {
            if (!java.util.Objects.equals(s.values().get(i), g.values().get(i))) {
                out.add(new ColumnDifference(t.targetColumns.get(i), ValueNormalizer.display(s.values().get(i)),
                        ValueNormalizer.display(g.values().get(i))));
            }
        }
        return out;
    }

    private static String describeKey(ComparedTable t, String key) {
        String[] parts = key.split("\u001F", -1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < t.keyIndexes.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(t.sourceColumns.get(t.keyIndexes.get(i))).append('=').append(parts[i]);
        }
        return s.toString();
    }

    private Row lookup(Supplier<Connection> side, String sql, List<ValueNormalizer.Reader> readers, ComparedTable.KeyBinding key) {
        try (Connection c = side.get(); PreparedStatement ps = c.prepareStatement(sql)) {
            key.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? TableScan.read(rs, readers) : null;
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to recheck a row", e);
        }
    }

    /**
     * Null when the target still has the table and every column the comparison reads, else the
     * SQLSTATE saying what is gone (a column dropped there is drift to report, not a failure).
     */
    private String missingOnTarget(ComparedTable t) {
        try (Connection c = target.get(); PreparedStatement ps = c.prepareStatement("SELECT " + t.targetSelect + " FROM "
                + t.targetFrom + " WHERE false"); ResultSet rs = ps.executeQuery()) {
            return null;
        } catch (SQLException e) {
            if (UNDEFINED_COLUMN.equals(e.getSQLState()) || UNDEFINED_TABLE.equals(e.getSQLState())) {
                return e.getSQLState();
            }
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read " + t.target.ref() + " on the target", e);
        }
    }

    private static long count(Supplier<Connection> side, String sql, String what) {
        try (Connection c = side.get(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to count " + what, e);
        }
    }
}
