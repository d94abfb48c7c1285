package dev.ferry.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.ValuePolicy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Random;
import org.h2.tools.SimpleResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each normalization rule validation compares values by: two values normalize equal exactly when
 * PostgreSQL would hold them as the same value of the column's type (scale, float bits, char(n)
 * blanks, 7-digit datetimes rounded as the copy rounds them), read from real H2 result sets (issue 18.6).
 */
class ValueNormalizerTest {
    private static Connection h2;

    @BeforeAll
    static void open() throws SQLException {
        h2 = DriverManager.getConnection("jdbc:h2:mem:normalizer;MODE=MSSQLServer");
    }

    @AfterAll
    static void close() throws SQLException {
        h2.close();
    }

    /** The normalized form of {@code SELECT <sql>} as a column of PostgreSQL type {@code type}, read as the target (no policy). */
    private static String norm(String type, String sql) throws SQLException {
        return norm(type, sql, null);
    }

    private static String norm(String type, String sql, ValuePolicy policy) throws SQLException {
        try (Statement st = h2.createStatement(); ResultSet rs = st.executeQuery("SELECT " + sql)) {
            assertThat(rs.next()).isTrue();
            return ValueNormalizer.text(ValueNormalizer.forType(type, policy), rs, 1);
        }
    }

    @ParameterizedTest(name = "{0}: {1} and {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            boolean         | TRUE                                   | CAST(1 AS BIT)
            integer         | CAST(42 AS INT)                        | CAST(42.00 AS DECIMAL(6,2))
            bigint          | CAST(-9223372036854775808 AS BIGINT)   | CAST(-9223372036854775808 AS DECIMAL(19,0))
            numeric(10,2)   | CAST(1.5 AS DECIMAL(10,1))             | CAST(1.50 AS DECIMAL(10,2))
            numeric(10,2)   | CAST(0 AS DECIMAL(10,0))               | CAST(0.00 AS DECIMAL(10,2))
            numeric         | CAST(1.5 AS DECIMAL(10,1))             | CAST(1.5000 AS DECIMAL(10,4))
            numeric         | CAST(100 AS DECIMAL(10,0))             | CAST(100.00 AS DECIMAL(10,2))
            real            | CAST(0.1 AS REAL)                      | CAST(0.1 AS REAL)
            char(5)         | 'ab   '                                | 'ab'
            uuid            | 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11' | CAST('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' AS UUID)
            timestamp       | CAST(TIMESTAMP '2024-02-29 10:00:00.1234565' AS TIMESTAMP(9)) | TIMESTAMP '2024-02-29 10:00:00.123457'
            timestamp(3)    | CAST(TIMESTAMP '2024-02-29 10:00:00.1234565' AS TIMESTAMP(9)) | TIMESTAMP '2024-02-29 10:00:00.123'
            timestamp(0)    | TIMESTAMP '2024-02-29 23:59:59.5'      | TIMESTAMP '2024-03-01 00:00:00'
            timestamp       | CAST(TIMESTAMP '9999-12-31 23:59:59.9999999' AS TIMESTAMP(9)) | TIMESTAMP '9999-12-31 23:59:59.999999'
            timestamptz     | TIMESTAMP WITH TIME ZONE '2024-01-01 02:00:00+02:00' | TIMESTAMP WITH TIME ZONE '2023-12-31 19:00:00-05:00'
            time            | CAST(TIME '23:59:59.9999995' AS TIME(9)) | TIME '23:59:59.999999'
            time(0)         | CAST(TIME '10:00:00.5' AS TIME(9))     | TIME '10:00:01'
            time            | CAST('24:00:00' AS VARCHAR)            | CAST('24:00:00.000000' AS VARCHAR)
            """)
    void valuesPostgresHoldsAsTheSameValueNormalizeEqual(String type, String left, String right) throws SQLException {
        assertThat(norm(type, left)).isNotNull().isEqualTo(norm(type, right));
    }

    @ParameterizedTest(name = "{0}: {1} and {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            boolean          | TRUE                                 | FALSE
            numeric(10,2)    | CAST(1.501 AS DECIMAL(10,3))         | CAST(1.50 AS DECIMAL(10,2))
            numeric          | CAST(1.5 AS DECIMAL(10,1))           | CAST(1.50000000000000000001 AS DECIMAL(30,20))
            double precision | CAST(0.1 AS DOUBLE PRECISION)        | CAST(CAST(0.1 AS REAL) AS DOUBLE PRECISION)
            double precision | CAST('NaN' AS DOUBLE PRECISION)      | CAST('Infinity' AS DOUBLE PRECISION)
            numeric          | CAST('NaN' AS DOUBLE PRECISION)      | CAST('-Infinity' AS DOUBLE PRECISION)
            text             | 'ab '                                | 'ab'
            varchar(10)      | 'ab'                                 | 'AB'
            citext           | 'Straße'                             | 'STRASSE'
            citext           | 'abc'                                | 'ABC'
            char(5)          | ' ab'                                | 'ab'
            bytea            | X'00'                                | X'0000'
            timestamp        | CAST(TIMESTAMP '2024-02-29 10:00:00.1234565' AS TIMESTAMP(9)) | TIMESTAMP '2024-02-29 10:00:00.123456'
            timestamp(6)     | TIMESTAMP '2024-02-29 10:00:00.000001' | TIMESTAMP '2024-02-29 10:00:00'
            timestamptz      | TIMESTAMP WITH TIME ZONE '2024-01-01 02:00:00+02:00' | TIMESTAMP WITH TIME ZONE '2024-01-01 02:00:00+03:00'
            time             | CAST('24:00:00' AS VARCHAR)          | TIME '00:00:00'
            date             | DATE '2024-02-29'                    | DATE '2024-03-01'
            """)
    void valuesThatDifferInPostgresNormalizeDifferently(String type, String left, String right) throws SQLException {
        assertThat(norm(type, left)).isNotEqualTo(norm(type, right));
    }

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            boolean          | TRUE                                   | t
            smallint         | CAST(-32768 AS SMALLINT)               | -32768
            numeric(10,2)    | CAST(7 AS INT)                         | 7.00
            numeric(5,2)     | CAST(1.001 AS DECIMAL(10,3))           | 1.001
            numeric          | CAST('1E-40' AS DECIMAL(60,50))        | 0.0000000000000000000000000000000000000001
            numeric          | CAST('NaN' AS DOUBLE PRECISION)        | NaN
            numeric(10,2)    | CAST('-Infinity' AS DOUBLE PRECISION)  | -Infinity
            real             | CAST(1 AS REAL)                        | 3f800000
            real             | CAST('NaN' AS REAL)                    | 7fc00000
            double precision | CAST('-Infinity' AS DOUBLE PRECISION)  | fff0000000000000
            bytea            | X'00FF'                                | 00ff
            date             | DATE '-4713-11-24'                     | -4713-11-24
            timestamp(6)     | TIMESTAMP '2024-02-29 10:00:00.5'      | 2024-02-29T10:00:00.500
            timestamptz      | TIMESTAMP WITH TIME ZONE '2024-01-01 13:59:59.9999996+14:00' | 2024-01-01T00:00
            time             | CAST(' 24:00:00 ' AS VARCHAR)          | 24:00
            timetz           | CAST('10:00:00+02' AS VARCHAR)         | 10:00:00+02
            interval         | CAST('1 day' AS VARCHAR)               | 1 day
            """)
    void eachTypeHasOneSpelling(String type, String sql, String expected) throws SQLException {
        assertThat(norm(type, sql)).isEqualTo(expected);
    }

    /** H2 keeps no negative zero, so -0.0 comes from H2's own in-memory result set. */
    @Test
    void negativeZeroIsNotZeroByBits() throws SQLException {
        SimpleResultSet rs = new SimpleResultSet();
        rs.addColumn("minus", Types.DOUBLE, 17, 0);
        rs.addColumn("plus", Types.DOUBLE, 17, 0);
        rs.addRow(-0.0d, 0.0d);
        rs.next();
        for (String type : new String[] {"real", "double precision"}) {
            ValueNormalizer.Reader reader = ValueNormalizer.forType(type, null);
            assertThat(ValueNormalizer.text(reader, rs, 1)).as(type).isNotEqualTo(ValueNormalizer.text(reader, rs, 2));
        }
        assertThat(ValueNormalizer.text(ValueNormalizer.forType("double precision", null), rs, 1)).isEqualTo("8000000000000000");
    }

    @Test
    void nullIsDistinctFromEveryValueIncludingTheEmptyOnes() throws SQLException {
        for (String type : new String[] {"boolean", "integer", "real", "double precision", "numeric(5,2)", "text", "char(3)", "bytea",
                "uuid", "date", "timestamp", "timestamptz", "time", "timetz", "jsonb"}) {
            assertThat(norm(type, "NULL")).as(type).isNull();
        }
        assertThat(norm("text", "''")).isEmpty();
        assertThat(norm("char(3)", "'   '")).as("char(n) of blanks is the empty value, not NULL").isEmpty();
        assertThat(norm("bytea", "X''")).isEmpty();
    }

    @Test
    void theNulPolicyAppliesToTheSourceSideOnly() throws SQLException {
        String withNul = "'a' || CHAR(0) || 'b'";
        assertThat(norm("text", withNul, new ValuePolicy("\ufffd"))).isEqualTo("a\ufffdb").isEqualTo(norm("text", "'a' || CHAR(65533) || 'b'"));
        assertThat(norm("char(4)", withNul, new ValuePolicy(""))).isEqualTo("ab");
        assertThat(norm("text", withNul, ValuePolicy.strict())).isEqualTo("a\u0000b");
        assertThat(norm("text", withNul)).as("the target side is never replaced").isEqualTo("a\u0000b");
    }

    /** Property: at numeric(p,s), trailing zeros never matter and one more digit always does. */
    @Test
    void randomDecimalsEqualAtTheColumnScaleAndDifferByOneUnitBeyondIt() throws SQLException {
        Random random = new Random(18_6);
        for (int i = 0; i < 200; i++) {
            int scale = random.nextInt(10);
            BigDecimal v = new BigDecimal(new BigInteger(1 + random.nextInt(60), random), random.nextInt(scale + 1));
            v = random.nextBoolean() ? v.negate() : v;
            String type = "numeric(38," + scale + ")";
            String padded = "CAST('" + v.setScale(scale + 3).toPlainString() + "' AS DECIMAL(60,30))";
            String nudged = "CAST('" + v.add(BigDecimal.ONE.movePointLeft(scale + 1)).toPlainString() + "' AS DECIMAL(60,30))";
            String plain = "CAST('" + v.toPlainString() + "' AS DECIMAL(60,30))";
            assertThat(norm(type, plain)).as(v.toPlainString()).isEqualTo(norm(type, padded)).isEqualTo(v.setScale(scale).toPlainString());
            assertThat(norm(type, plain)).as(v.toPlainString()).isNotEqualTo(norm(type, nudged));
        }
    }

    /** Property: two doubles normalize equal exactly when their bits are equal. */
    @Test
    void randomDoublesAreEqualExactlyWhenTheirBitsAre() throws SQLException {
        Random random = new Random(186);
        for (int i = 0; i < 200; i++) {
            double a = Double.longBitsToDouble(random.nextLong());
            double b = random.nextBoolean() ? a : Math.nextUp(a);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                continue; // H2 canonicalizes NaN payloads; NaN's spelling is checked above
            }
            String left = norm("double precision", "CAST(" + literal(a) + " AS DOUBLE PRECISION)");
            String right = norm("double precision", "CAST(" + literal(b) + " AS DOUBLE PRECISION)");
            assertThat(left.equals(right)).as("%s vs %s", a, b).isEqualTo(Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b));
        }
    }

    private static String literal(double d) {
        return Double.isInfinite(d) ? "'" + d + "'" : Double.toString(d);
    }
}
