package dev.ferry.engine.destination;

import static dev.ferry.engine.destination.CodecErrors.assertRefused;
import static dev.ferry.engine.destination.CopyFrame.int16s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.ValuePolicy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.Random;
import org.h2.tools.SimpleResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The binary COPY encoders of integers, floats, numerics and booleans write exactly the bytes
 * PostgreSQL's binary format defines, at every type's extremes, and refuse a value the target type
 * cannot hold exactly with a DATA error naming table, column and key (issue 18.6).
 */
class ColumnCodecsNumberTest {
    private static CopyFrame frame;

    @BeforeAll
    static void open() throws SQLException {
        frame = new CopyFrame();
    }

    @AfterAll
    static void close() throws SQLException {
        frame.close();
    }

    private static byte[] hex(String bytes) {
        return HexFormat.of().parseHex(bytes);
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', textBlock = """
            smallint         | CAST(-32768 AS SMALLINT)                       | 8000
            int2             | CAST(32767 AS SMALLINT)                        | 7fff
            smallint         | CAST(-1 AS SMALLINT)                           | ffff
            integer          | CAST(-2147483648 AS INT)                       | 80000000
            int4             | CAST(2147483647 AS INT)                        | 7fffffff
            integer          | CAST(0 AS INT)                                 | 00000000
            bigint           | CAST(-9223372036854775808 AS BIGINT)           | 8000000000000000
            int8             | CAST(9223372036854775807 AS BIGINT)            | 7fffffffffffffff
            bigint           | CAST(9223372036854775807 AS DECIMAL(19,0))     | 7fffffffffffffff
            integer          | CAST(12.000 AS DECIMAL(6,3))                   | 0000000c
            boolean          | TRUE                                           | 01
            bool             | FALSE                                          | 00
            real             | CAST('NaN' AS REAL)                            | 7fc00000
            real             | CAST('Infinity' AS REAL)                       | 7f800000
            float4           | CAST('-Infinity' AS REAL)                      | ff800000
            real             | CAST(3.4028235E38 AS REAL)                     | 7f7fffff
            real             | CAST(1.4E-45 AS REAL)                          | 00000001
            real             | CAST(1 AS REAL)                                | 3f800000
            double precision | CAST('NaN' AS DOUBLE PRECISION)                | 7ff8000000000000
            float8           | CAST('Infinity' AS DOUBLE PRECISION)           | 7ff0000000000000
            double precision | CAST('-Infinity' AS DOUBLE PRECISION)          | fff0000000000000
            double precision | CAST(1.7976931348623157E308 AS DOUBLE PRECISION) | 7fefffffffffffff
            double precision | CAST(4.9E-324 AS DOUBLE PRECISION)             | 0000000000000001
            double precision | CAST(0.1 AS DOUBLE PRECISION)                  | 3fb999999999999a
            """)
    void integersFloatsAndBooleansAreBigEndianAtTheirExtremes(String type, String sql, String expected) throws SQLException {
        assertThat(frame.field(type, sql)).isEqualTo(hex(expected));
    }

    /** H2 keeps no negative zero, so -0.0 comes from H2's own in-memory result set. */
    @Test
    void negativeZeroKeepsItsSignBit() throws SQLException {
        SimpleResultSet rs = new SimpleResultSet();
        rs.addColumn(CopyFrame.KEY, Types.INTEGER, 10, 0);
        rs.addColumn("v", Types.DOUBLE, 17, 0);
        rs.addRow(7, -0.0d);
        rs.next();
        assertThat(frame.field("double precision", rs, ValuePolicy.strict())).isEqualTo(hex("8000000000000000"));
        assertThat(frame.field("real", rs, ValuePolicy.strict())).isEqualTo(hex("80000000"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', textBlock = """
            smallint | CAST(32768 AS INT)                          | value 32768 is outside [-32768, 32767]
            smallint | CAST(-32769 AS INT)                         | value -32769 is outside [-32768, 32767]
            integer  | CAST(2147483648 AS BIGINT)                  | value 2147483648 is outside [-2147483648, 2147483647]
            integer  | CAST(-2147483649 AS BIGINT)                 | value -2147483649 is outside
            bigint   | CAST(9223372036854775808 AS DECIMAL(20,0))  | value 9223372036854775808 is not an integer in
            bigint   | CAST(-9223372036854775809 AS DECIMAL(20,0)) | is not an integer in [-9223372036854775808, 9223372036854775807]
            integer  | CAST(1.5 AS DECIMAL(3,1))                   | value 1.5 is not an integer
            """)
    void anIntegerOutsideTheTargetTypeIsRefused(String type, String sql, String problem) {
        assertRefused(() -> frame.field(type, sql), problem);
    }

    @Test
    void randomIntegersWithinEachRangeAreWrittenAsTheirTwosComplement() throws SQLException {
        Random random = new Random(186);
        for (int i = 0; i < 300; i++) {
            long v = random.nextLong();
            assertThat(frame.field("bigint", "CAST(" + v + " AS BIGINT)")).isEqualTo(ByteBuffer.allocate(8).putLong(v).array());
            assertThat(frame.field("integer", "CAST(" + (int) v + " AS INT)")).isEqualTo(ByteBuffer.allocate(4).putInt((int) v).array());
            assertThat(frame.field("smallint", "CAST(" + (short) v + " AS SMALLINT)"))
                    .isEqualTo(ByteBuffer.allocate(2).putShort((short) v).array());
        }
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', textBlock = """
            numeric        | CAST(0 AS DECIMAL(10,0))           | 0,0,0,0
            numeric(10,2)  | CAST(0 AS DECIMAL(10,0))           | 0,0,0,2
            numeric        | CAST(-12345.678 AS DECIMAL(10,3))  | 3,1,16384,3,1,2345,6780
            numeric(10,2)  | CAST(1.5 AS DECIMAL(10,1))         | 2,0,0,2,1,5000
            numeric(5,2)   | CAST(1.0000 AS DECIMAL(10,4))      | 1,0,0,2,1
            numeric(5,2)   | CAST(-999.99 AS DECIMAL(5,2))      | 2,0,16384,2,999,9900
            decimal(5,0)   | CAST(99999 AS DECIMAL(5,0))        | 2,1,0,0,9,9999
            numeric        | CAST('1E-40' AS DECIMAL(60,50))    | 1,-10,0,50,1
            numeric        | CAST('1E40' AS DECIMAL(41,0))      | 1,10,0,0,1
            numeric        | CAST('NaN' AS DOUBLE PRECISION)    | 0,0,49152,0
            numeric(10,2)  | CAST('NaN' AS DOUBLE PRECISION)    | 0,0,49152,0
            numeric        | CAST('Infinity' AS DOUBLE PRECISION)  | 0,0,53248,0
            numeric        | CAST('-Infinity' AS DOUBLE PRECISION) | 0,0,61440,0
            """)
    void numericsAreBase10000DigitsWithWeightSignAndScale(String type, String sql, String int16s) throws SQLException {
        int[] words = java.util.Arrays.stream(int16s.split(",")).mapToInt(Integer::parseInt).toArray();
        assertThat(frame.field(type, sql)).isEqualTo(int16s(words));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', textBlock = """
            numeric(5,2)  | CAST(1.005 AS DECIMAL(10,3))          | value 1.005 has more than 2 decimal places; numeric(5,2) would round it
            numeric(5,2)  | CAST(1000 AS DECIMAL(10,0))           | value 1000.00 does not fit numeric(5,2)
            numeric(5,2)  | CAST(-1000.00 AS DECIMAL(10,2))       | value -1000.00 does not fit numeric(5,2)
            numeric(38,0) | CAST('1E38' AS DECIMAL(39,0))         | does not fit numeric(38,0)
            numeric(10,2) | CAST('Infinity' AS DOUBLE PRECISION)  | value Infinity does not fit numeric(10,2)
            numeric(10,2) | CAST('-Infinity' AS DOUBLE PRECISION) | value -Infinity does not fit numeric(10,2)
            """)
    void aNumericThatWouldBeRoundedOrOverflowIsRefused(String type, String sql, String problem) {
        assertRefused(() -> frame.field(type, sql), problem);
    }

    /** PostgreSQL reads numeric(p) as numeric(p,0) and would round 1.5 to 2 on the way in. */
    @Test
    void aNumericWithPrecisionOnlyHasScaleZeroAndRefusesAFraction() throws SQLException {
        assertRefused(() -> frame.field("numeric(10)", "CAST(1.5 AS DECIMAL(3,1))"), "numeric(10,0) would round it");
        assertThat(frame.field("numeric(10)", "CAST(42.0 AS DECIMAL(3,1))")).isEqualTo(int16s(1, 0, 0, 0, 42));
    }

    /** Property: a random value read back from its bytes is the value at the column's scale. */
    @Test
    void randomNumericsReadBackAtTheColumnScale() throws SQLException {
        Random random = new Random(18_6);
        for (int i = 0; i < 300; i++) {
            int scale = random.nextInt(20);
            BigDecimal v = new BigDecimal(new BigInteger(1 + random.nextInt(100), random), scale);
            v = random.nextBoolean() ? v.negate() : v;
            String literal = "CAST('" + v.toPlainString() + "' AS DECIMAL(60," + scale + "))";
            assertThat(decodeNumeric(frame.field("numeric", literal))).as(literal).isEqualTo(v);
            assertThat(decodeNumeric(frame.field("numeric(60,25)", literal))).as(literal).isEqualTo(v.setScale(25));
        }
    }

    /** A numeric field's value by the format's definition: digits weight, weight-1, … in base 10000. */
    private static BigDecimal decodeNumeric(byte[] field) {
        ByteBuffer b = ByteBuffer.wrap(field);
        int n = b.getShort();
        int weight = b.getShort();
        int sign = b.getShort() & 0xffff;
        int scale = b.getShort();
        assertThat(field).hasSize(8 + 2 * n);
        BigInteger digits = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            digits = digits.multiply(BigInteger.valueOf(10_000)).add(BigInteger.valueOf(b.getShort()));
        }
        BigDecimal v = new BigDecimal(digits).scaleByPowerOfTen(4 * (weight - n + 1)).setScale(scale);
        return sign == 0x4000 ? v.negate() : v;
    }

    @Test
    void nullIsLengthMinusOneForEveryType() throws SQLException {
        for (String type : new String[] {"smallint", "integer", "bigint", "real", "double precision", "numeric", "numeric(5,2)", "boolean"}) {
            assertThat(frame.field(type, "CAST(NULL AS INT)")).as(type).isNull();
        }
    }
}
