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
}
