package dev.ferry.engine.cutover;

import dev.ferry.engine.convert.TargetColumn;
import dev.ferry.engine.destination.PostgresTypeNames;
import dev.ferry.engine.source.KeyText;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A long text or bytea value of a target row that a rollback writes back to the source: not read
 * with the row, but bound when the row is written — as a stream that reads the value from the
 * target in slices where the source's driver takes a stream without holding it whole (mssql-jdbc,
 * H2), else read whole, one value at a time (issue 15.5). The row batch itself never holds it.
 */
final class TargetLongValue {
    /** Bytes beyond which a value is left out of the row and read when it is written. */
    static final long LONG = 1 << 20;
    /** Characters (text) or bytes (bytea) read from the target at a time. */
    private static final int SLICE = 4 << 20;

    private final String quotedColumn;
    private final String from;
    private final List<String> key;
    private final boolean bytes;
    private final long octets;

    /**
     * @param quotedColumn the target column; {@code fromWhere} the target table with its key
     *     predicate ({@code ?} per key column); {@code key} the row's key text
     */
    TargetLongValue(String quotedColumn, String fromWhere, List<String> key, boolean bytes, long octets) {
        this.quotedColumn = quotedColumn;
        this.from = fromWhere;
        this.key = key;
        this.bytes = bytes;
        this.octets = octets;
    }

    /** Whether a value of this target column can be left out of the row: unbounded text and bytea. */
    static boolean deferrable(TargetColumn c) {
        String type = PostgresTypeNames.canonical(c.type());
        return type.equals("bytea") || type.equals("text") || type.equals("character varying");
    }

    static boolean isBytes(TargetColumn c) {
        return PostgresTypeNames.canonical(c.type()).equals("bytea");
    }

    /** The select expression of a deferrable column: its value when short, else NULL. */
    static String shortOrNull(String quoted) {
        return "CASE WHEN octet_length(" + quoted + ") <= " + LONG + " THEN " + quoted + " END";
    }

    /** The select expression of a deferrable column's length in bytes when it is long, else NULL. */
    static String longLength(String quoted) {
        return "CASE WHEN octet_length(" + quoted + ") > " + LONG + " THEN octet_length(" + quoted + ") END";
    }

    /** Binds the value to {@code index}: streamed from {@code target} when {@code stream}, else read whole. */
    void bind(PreparedStatement ps, int index, Connection target, boolean stream) throws SQLException {
        if (!stream) {
            Object whole = read(target, "SELECT " + quotedColumn + " FROM " + from);
            ps.setObject(index, whole);
        } else if (bytes) {
            ps.setBinaryStream(index, new Bytes(target), octets);
        } else {
            ps.setCharacterStream(index, new Chars(target));
        }
    }

    /** Slice {@code n} (from 0) of the value: characters of text, bytes of bytea; empty past its end. */
    private Object slice(Connection target, long n) throws SQLException {
        Object s = read(target, "SELECT substring(" + quotedColumn + " FROM " + (n * SLICE + 1) + " FOR " + SLICE + ") FROM " + from);
        if (s == null) {
            throw new SQLException("Unable to read back a long value of " + from + ": the row or its value is gone", "55000");
        }
        return s;
    }

    private Object read(Connection target, String sql) throws SQLException {
        try (PreparedStatement ps = target.prepareStatement(sql)) {
            KeyText.bind(ps, target, List.of(key));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? (bytes ? rs.getBytes(1) : rs.getString(1)) : null;
            }
        }
    }

    private Object sliceUnchecked(Connection target, long n) {
        try {
            return slice(target, n);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
    }

    /** The bytea value, slice by slice. */
    private final class Bytes extends InputStream {
        private final Connection target;
        private byte[] current = new byte[0];
        private int pos;
        private long next;

        Bytes(Connection target) {
            this.target = target;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos == current.length) {
                current = (byte[]) sliceUnchecked(target, next++);
                pos = 0;
                if (current.length == 0) {
                    return -1;
                }
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** The text value, slice by slice. */
    private final class Chars extends Reader {
        private final Connection target;
        private String current = "";
        private int pos;
        private long next;

        Chars(Connection target) {
            this.target = target;
        }

        @Override
        public int read(char[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos == current.length()) {
                current = (String) sliceUnchecked(target, next++);
                pos = 0;
                if (current.isEmpty()) {
                    return -1;
                }
            }
            int n = Math.min(len, current.length() - pos);
            current.getChars(pos, pos + n, b, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            current = "";
        }
    }
}
