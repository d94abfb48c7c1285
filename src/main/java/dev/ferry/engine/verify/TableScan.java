package dev.ferry.engine.verify;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import com.google.common.hash.Hasher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams one side of a table once, normalizing every value, and folds each row's 128-bit hash
 * into its bucket (by key, or by row hash for tables without a key). Sums are order-independent,
 * so neither engine's ordering matters; memory is the bucket arrays, plus the rows of the buckets
 * asked for in a diff pass.
 */
final class TableScan {
    /** A row as its normalized values (text, or {@link LongValue} for a long value) with its hash. */
    record Row(List<Object> values, long hi, long lo) {
        boolean sameAs(Row o) {
            return hi == o.hi && lo == o.lo;
        }
    }

    final long[] hi;
    final long[] lo;
    final long[] counts;
    long rows;
    /** Rows of the collected buckets by key (keyed tables). */
    final Map<String, Row> byKey = new HashMap<>();
    /** Row-hash multiplicities of the collected buckets (tables without a key). */
    final Map<String, Integer> byHash = new HashMap<>();
    boolean truncated;

    private TableScan(int buckets) {
        hi = new long[buckets];
        lo = new long[buckets];
        counts = new long[buckets];
    }

    /**
     * @param collect buckets whose rows to keep (empty for a hash pass)
     * @param cap     most rows kept; beyond it {@link #truncated} is set
     */
    static TableScan scan(Connection c, String sql, List<ValueNormalizer.Reader> readers, List<Integer> keyIndexes,
                          int buckets, Set<Integer> collect, int cap, int fetchSize, String what) {
        TableScan scan = new TableScan(buckets);
        try {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(fetchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        scan.add(read(rs, readers), keyIndexes, collect, cap);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION,
                    "Unable to read " + what + " for validation", e);
        }
        return scan;
    }

    /**
     * The current row, normalized and hashed as it is read: the row's 128-bit MurmurHash3 (Guava)
     * over its values, each length-prefixed and NULL marked ({@link ValueHashing}). A
     * non-cryptographic hash suffices: the rows are the user's own, not an adversary's, and a
     * difference is found unless two different rows collide in 128 bits.
     */
    static Row read(ResultSet rs, List<ValueNormalizer.Reader> readers) throws SQLException {
        Hasher h = ValueHashing.MURMUR.newHasher();
        List<Object> values = new ArrayList<>(readers.size());
        for (int i = 0; i < readers.size(); i++) {
            values.add(readers.get(i).read(rs, i + 1, h));
        }
        byte[] d = h.hash().asBytes();
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (d[i] & 0xFF);
            lo = (lo << 8) | (d[i + 8] & 0xFF);
        }
        return new Row(values, hi, lo);
    }

    private void add(Row row, List<Integer> keyIndexes, Set<Integer> collect, int cap) {
        List<Object> values = row.values();
        String key = keyIndexes.isEmpty() ? null : key(values, keyIndexes);
        int bucket = bucket(key != null ? key.hashCode() : (int) row.hi, hi.length);
        hi[bucket] += row.hi;
        lo[bucket] += row.lo;
        counts[bucket]++;
        rows++;
        if (!collect.isEmpty() && collect.contains(bucket)) {
            if (byKey.size() + byHash.size() >= cap) {
                truncated = true;
            } else if (key != null) {
                byKey.put(key, row);
            } else {
                byHash.merge(Long.toHexString(row.hi) + Long.toHexString(row.lo), 1, Integer::sum);
            }
        }
    }

    static String key(List<Object> values, List<Integer> keyIndexes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < keyIndexes.size(); i++) {
            s.append(i == 0 ? "" : "\u001F").append(values.get(keyIndexes.get(i)));
        }
        return s.toString();
    }

    static int bucket(int hash, int buckets) {
        return Math.floorMod(hash * 0x9E3779B9, buckets);
    }

}
