package dev.ferry.engine.plan;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.KeyValues;
import dev.ferry.engine.model.ChunkRange;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.source.SourceDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Splits a table into key ranges of about {@code chunkRows} rows. Bounds are taken from the
 * source's own ordering (ROW_NUMBER over the copy key: over a sample of the table's pages where the
 * source can sample, else over every key) and later compared by the source too, so an
 * ordering that differs from PostgreSQL's (SQL Server sorts uniqueidentifier by its last byte
 * group; collations differ) can neither drop nor double a row. Works for single and composite
 * keys of any comparable type; a table without a usable key is one chunk. Whatever keys the bounds
 * come from, the chunks partition the key space exactly: each is the half-open range above the
 * previous chunk's upper bound, the first has no lower bound and the last no upper one.
 */
public final class ChunkPlanner {
    /** Keys sampled per chunk: enough for chunks of even size, from a small share of a large table. */
    static final int SAMPLE_KEYS_PER_CHUNK = 1_000;
    /** Above this share of the table a sample saves little over reading every key. */
    static final double MAX_SAMPLE_PERCENT = 25.0;

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
            List<List<String>> bounds = sampledBoundaries(source, table, key, rows);
            if (bounds == null) {
                bounds = boundaries(source, table, key);
            }
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

    /** Every {@code chunkRows}-th key of the whole table, in the source's order. */
    private List<List<String>> boundaries(Connection c, Table table, List<String> key) throws SQLException {
        String cols = key.stream().map(dialect::quote).collect(Collectors.joining(", "));
        String sql = "SELECT " + cols + " FROM (SELECT " + cols + ", ROW_NUMBER() OVER (ORDER BY " + cols
                + ") AS ferry_rn FROM " + dialect.qualified(table.ref()) + ") ferry_keys WHERE ferry_rn % ? = 0 ORDER BY ferry_rn";
        List<List<String>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, chunkRows);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(bound(rs, table, key));
                }
            }
        }
        return out;
    }

    /**
     * The keys that split a sample of the table's pages into {@code ceil(rows / chunkRows)} equal
     * runs, in the source's order; null when the source cannot sample, the sample would be a large
     * share of the table, or it came back too small to place the bounds well.
     */
    private List<List<String>> sampledBoundaries(Connection c, Table table, List<String> key, long rows) throws SQLException {
        long chunks = (rows + chunkRows - 1) / chunkRows;
        double percent = 100.0 * SAMPLE_KEYS_PER_CHUNK / chunkRows;
        Optional<String> sample = percent > MAX_SAMPLE_PERCENT ? Optional.empty() : dialect.sampledTable(table.ref(), percent);
        if (sample.isEmpty()) {
            return null;
        }
        String cols = key.stream().map(dialect::quote).collect(Collectors.joining(", "));
        // row r of n ends a run when r * chunks / n steps up (integer division); the last row never does
        String sql = "SELECT " + cols + ", ferry_n FROM (SELECT " + cols + ", ROW_NUMBER() OVER (ORDER BY " + cols
                + ") AS ferry_rn, COUNT(*) OVER () AS ferry_n FROM " + sample.get() + ") ferry_keys WHERE ferry_rn < ferry_n"
                + " AND (ferry_rn * ?) / ferry_n <> ((ferry_rn - 1) * ?) / ferry_n ORDER BY ferry_rn";
        List<List<String>> out = new ArrayList<>();
        long sampled = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, chunks);
            ps.setLong(2, chunks);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(bound(rs, table, key));
                    sampled = rs.getLong(key.size() + 1);
                }
            }
        }
        return sampled >= chunks * SAMPLE_KEYS_PER_CHUNK / 4 ? out : null;
    }

    private List<String> bound(ResultSet rs, Table table, List<String> key) throws SQLException {
        List<String> bound = new ArrayList<>();
        for (int i = 1; i <= key.size(); i++) {
            bound.add(encode(table, key.get(i - 1), dialect.keyValue(rs, i)));
        }
        return bound;
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
}
