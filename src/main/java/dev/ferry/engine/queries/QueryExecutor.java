package dev.ferry.engine.queries;

import dev.ferry.engine.verify.ValueNormalizer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one query text on one connection with its parameters bound positionally, never spliced
 * into the text: reading its answer normalized, or only timing it (execute and fetch every row).
 */
final class QueryExecutor {
    private QueryExecutor() {
    }

    /** The PostgreSQL type of each column of a target answer, as {@link ValueNormalizer#forType} reads it. */
    static List<String> targetTypes(ResultSetMetaData md) throws SQLException {
        List<String> types = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            types.add(typeOf(md.getColumnTypeName(i), md.getPrecision(i), md.getScale(i)));
        }
        return types;
    }

    static String typeOf(String name, int precision, int scale) {
        String t = name.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "numeric" -> precision >= 1 && precision <= 1000 ? "numeric(" + precision + "," + scale + ")" : "numeric";
            case "timestamp", "timestamptz", "time" -> t + "(" + Math.max(0, Math.min(6, scale)) + ")";
            default -> t;
        };
    }

    /** The target's answer, normalized by its own column types; the types are returned for reading the source. */
    static Read readTarget(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<String> types = targetTypes(rs.getMetaData());
            return new Read(read(rs, types), types);
        }
    }

    /** The source's answer, normalized by the target's column types (as validation reads a source by its target column). */
    static QueryResult readSource(Connection c, String sql, List<Object> params, List<String> targetTypes) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            List<String> types = n == targetTypes.size() ? targetTypes : java.util.Collections.nCopies(n, "text");
            return read(rs, types);
        }
    }

    /** Nanoseconds to execute the query and fetch every row. */
    static long time(Connection c, String sql, List<Object> params) throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    rs.getObject(i);
                }
            }
        }
        return System.nanoTime() - started;
    }

    /** A prepared statement with {@code params} bound, each by its own type. */
    static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) {
                bind(ps, i + 1, params.get(i));
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            ps.setLong(index, ((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            ps.setBigDecimal(index, new BigDecimal(b));
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            ps.setBigDecimal(index, new BigDecimal(value.toString()));
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else {
            ps.setString(index, value.toString());
        }
    }

    private static QueryResult read(ResultSet rs, List<String> types) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        List<ValueNormalizer.Reader> readers = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i));
            readers.add(ValueNormalizer.forType(types.get(i - 1), null));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(readers.size());
            for (int i = 0; i < readers.size(); i++) {
                row.add(ValueNormalizer.text(readers.get(i), rs, i + 1));
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows);
    }

    /** A target answer and the column types it was read by. */
    record Read(QueryResult result, List<String> types) {
    }
}
