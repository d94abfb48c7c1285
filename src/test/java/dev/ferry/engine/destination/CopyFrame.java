package dev.ferry.engine.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.ValuePolicy;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test support for the codec tests: runs a typed literal through a real H2 result set, lets the
 * codec write it as one row of PostgreSQL's binary COPY stream, and reads that stream back by the
 * format's definition (19-byte header, int16 field count, int32 length and bytes per field, -1 for
 * NULL, int16 -1 trailer), so every test sees the bytes PostgreSQL would.
 */
final class CopyFrame implements AutoCloseable {
    static final String TABLE = "sales.Orders";
    static final String KEY = "OrderId";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final Connection h2;
    private ValueCounters counters = new ValueCounters();

    CopyFrame() throws SQLException {
        h2 = DriverManager.getConnection("jdbc:h2:mem:codecs" + DATABASES.incrementAndGet() + ";MODE=MSSQLServer");
    }

    /** The one field the codec for {@code targetType} writes for {@code SELECT 7 AS OrderId, <sql>}; null for NULL. */
    byte[] field(String targetType, String sql) throws SQLException {
        return field(targetType, sql, ValuePolicy.strict());
    }

    byte[] field(String targetType, String sql, ValuePolicy policy) throws SQLException {
        try (Statement st = h2.createStatement(); ResultSet rs = st.executeQuery("SELECT 7 AS " + KEY + ", " + sql + " AS v")) {
            assertThat(rs.next()).isTrue();
            return field(targetType, rs, policy);
        }
    }

    /** The field the codec writes for column 2 of the current row of {@code rs} (column 1 is the key). */
    byte[] field(String targetType, ResultSet rs, ValuePolicy policy) throws SQLException {
        counters = new ValueCounters();
        ValueContext ctx = new ValueContext(TABLE, List.of(KEY), List.of(1), policy, counters);
        ctx.row(rs);
        BinaryRowBuffer out = new BinaryRowBuffer();
        out.header();
        out.startRow(1);
        ColumnCodecs.forType(targetType, "Amount").copy(rs, 2, "Amount", out, ctx);
        out.trailer();
        List<byte[]> fields = decode(Arrays.copyOf(out.array(), out.size()));
        assertThat(fields).hasSize(1);
        return fields.get(0);
    }

    /** The counters of the last {@link #field} call. */
    ValueCounters counters() {
        return counters;
    }

    /** The fields of a one-row binary COPY stream, checked against the format as it goes. */
    static List<byte[]> decode(byte[] stream) {
        ByteBuffer b = ByteBuffer.wrap(stream);
        byte[] signature = new byte[SIGNATURE.length];
        b.get(signature);
        assertThat(signature).as("signature").isEqualTo(SIGNATURE);
        assertThat(b.getInt()).as("flags").isZero();
        assertThat(b.getInt()).as("header extension length").isZero();
        int count = b.getShort();
        List<byte[]> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = b.getInt();
            assertThat(length).as("field length").isGreaterThanOrEqualTo(-1);
            byte[] bytes = length < 0 ? null : new byte[length];
            if (bytes != null) {
                b.get(bytes);
            }
            fields.add(bytes);
        }
        assertThat(b.getShort()).as("trailer").isEqualTo((short) -1);
        assertThat(b.hasRemaining()).as("nothing after the trailer").isFalse();
        return fields;
    }

    static byte[] int16(int v) {
        return ByteBuffer.allocate(2).putShort((short) v).array();
    }

    static byte[] int32(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    static byte[] int64(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    /** Concatenated big-endian int16s, e.g. a numeric's header and base-10000 digits. */
    static byte[] int16s(int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    @Override
    public void close() throws SQLException {
        h2.close();
    }
}
