package dev.ferry.engine.plan;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.copy.KeyValues;
import dev.ferry.engine.model.ChunkRange;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.source.SourceDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Splits a table into key ranges of about {@code chunkRows} rows. Bounds are taken from the
 * source's own ordering (ROW_NUMBER over the copy key) and later compared by the source too, so an
 * ordering that differs from PostgreSQL's (SQL Server sorts uniqueidentifier by its last byte
 * group; collations differ) can neither drop nor double a row. Works for single and composite
 * keys of any comparable type; a table without a usable key is one chunk.
 */
public final class ChunkPlanner {
    private final SourceDialect dialect;
    private final int chunkRows;

    public ChunkPlanner(SourceDialect dialect, int chunkRows) {
        if (chunkRows < 1) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to plan chunks: chunk size must be at least 1 row, was " + chunkRows);
        }
        this.dialect = dialect;
        this.chunkRows = chunkRows;
    }

    /** A table's chunks and its row count when planned. */
    public record TableChunks(Table table, long rows, List<ChunkRange> chunks) {
    }

    public TableChunks plan(Connection source, Table table) {
        try {
            long rows = count(source, table);
            List<String> key = table.copyKey();
            if (key.isEmpty() || rows <= chunkRows) {
                return new TableChunks(table, rows, List.of(ChunkRange.whole(table.ref())));
            }
            List<List<String>> bounds = boundaries(source, table, key);
            List<ChunkRange> chunks = new ArrayList<>();
            List<String> lower = null;
            for (List<String> upper : bounds) {
                chunks.add(new ChunkRange(table.ref(), chunks.size(), lower, upper));
                lower = upper;
            }
            chunks.add(new ChunkRange(table.ref(), chunks.size(), lower, null));
            return new TableChunks(table, rows, chunks);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.INTROSPECTION, "Unable to plan chunks of " + table.ref(), e);
        }
    }

    private long count(Connection c, Table table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + dialect.rowCount() + " FROM " + dialect.qualified(table.ref()));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<List<String>> boundaries(Connection c, Table table, List<String> key) throws SQLException {
        String cols = key.stream().map(dialect::quote).collect(Collectors.joining(", "));
        String sql = "SELECT " + cols + " FROM (SELECT " + cols + ", ROW_NUMBER() OVER (ORDER BY " + cols
                + ") AS ferry_rn FROM " + dialect.qualified(table.ref()) + ") ferry_keys WHERE ferry_rn % ? = 0 ORDER BY ferry_rn";
        List<List<String>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, chunkRows);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> bound = new ArrayList<>();
                    for (int i = 1; i <= key.size(); i++) {
                        bound.add(encode(table, key.get(i - 1), dialect.keyValue(rs, i)));
                    }
                    out.add(bound);
                }
            }
        }
        return out;
    }

    private static String encode(Table table, String column, Object value) {
        try {
            return KeyValues.encode(value);
        } catch (FerryException e) {
            throw new FerryException(e.code(), "Unable to split " + table.ref() + " into chunks on its key column '" + column
                    + "': " + e.getMessage() + ". Lower --chunk-rows is no help; copy it as one chunk by giving it no usable key, "
                    + "or cast the column to a supported type", e);
        }
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
     * The same predicate with each bound value written by {@code render} (a literal, where the
     * source's statement cannot take parameters), built in one pass: no text is ever substituted
     * into text already built, so a {@code ?} inside a literal or an identifier stays what it is.
     */
    public static String predicate(SourceDialect dialect, List<String> key, ChunkRange chunk, Function<Object, String> render) {
        List<String> parts = new ArrayList<>();
        if (chunk.lower() != null) {
            parts.add(compare(dialect, key, decode(chunk.lower()), ">", render));
        }
        if (chunk.upper() != null) {
            parts.add(compare(dialect, key, decode(chunk.upper()), "<=", render));
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

    private static String compare(SourceDialect dialect, List<String> key, List<Object> bound, String op,
                                  Function<Object, String> render) {
        String strict = op.startsWith(">") ? ">" : "<";
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(dialect.quote(key.get(j)) + " = " + render.apply(bound.get(j)));
            }
            boolean last = i == key.size() - 1;
            terms.add(dialect.quote(key.get(i)) + " " + (last ? op : strict) + " " + render.apply(bound.get(i)));
            alternatives.add(terms.size() == 1 ? terms.get(0) : "(" + String.join(" AND ", terms) + ")");
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }
}
