package dev.ferry.engine.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's binary numeric written by the copy reads back as the same value and scale, decoded
 * here by the format's definition (base-10000 digits, weight, sign, display scale) (issue 18.6).
 */
class NumericEncodingTest {
    /** The value a numeric field's bytes (after their length) stand for, as PostgreSQL reads them. */
    private static BigDecimal decode(byte[] field) {
        ByteBuffer b = ByteBuffer.wrap(field);
        int length = b.getInt();
        assertThat(length).isEqualTo(field.length - 4);
        int n = b.getShort();
        int weight = b.getShort();
        int sign = b.getShort() & 0xffff;
        int scale = b.getShort();
        BigInteger digits = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            int d = b.getShort();
            assertThat(d).isBetween(0, 9999);
            digits = digits.multiply(BigInteger.valueOf(10_000)).add(BigInteger.valueOf(d));
        }
        // digits hold groups weight, weight-1, …, weight-n+1 of base 10000
        BigDecimal v = new BigDecimal(digits).scaleByPowerOfTen(4 * (weight - n + 1));
        v = sign == 0x4000 ? v.negate() : v;
        return v.setScale(scale);
    }

    private static byte[] write(BigDecimal v) {
        BinaryRowBuffer out = new BinaryRowBuffer();
        NumericEncoding.write(v, out);
        return java.util.Arrays.copyOf(out.array(), out.size());
    }

    @Test
    void everyValueAndScaleReadsBack() {
        for (String s : List.of("0", "0.00", "-0.0001", "1", "-1", "9999", "10000", "12345.6789", "0.00000000000000000001",
                "99999999999999999999999999999999999999.99999999999999999999", "-123456789012345678901234567890.12",
                "1E+40", "100000000", "7.10", "-0.5")) {
            BigDecimal v = new BigDecimal(s);
            BigDecimal expected = v.scale() < 0 ? v.setScale(0) : v;
            assertThat(decode(write(v))).as(s).isEqualTo(expected);
        }
    }

    @Test
    void randomValuesReadBackExactly() {
        Random random = new Random(18_6);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal v = new BigDecimal(new BigInteger(1 + random.nextInt(120), random), random.nextInt(40) - 5);
            if (random.nextBoolean()) {
                v = v.negate();
            }
            BigDecimal expected = v.scale() < 0 ? v.setScale(0) : v;
            assertThat(decode(write(v))).as("%s", v).isEqualTo(expected);
        }
    }

    @Test
    void nanAndInfinitiesAreTheirSpecialSigns() {
        for (double d : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)) {
            BinaryRowBuffer out = new BinaryRowBuffer();
            NumericEncoding.writeSpecial(d, out);
            ByteBuffer b = ByteBuffer.wrap(out.array(), 0, out.size());
            assertThat(b.getInt()).isEqualTo(8);
            assertThat(b.getShort()).isZero();
            assertThat(b.getShort()).isZero();
            int sign = b.getShort() & 0xffff;
            assertThat(sign).isEqualTo(Double.isNaN(d) ? 0xC000 : d > 0 ? 0xD000 : 0xF000);
        }
    }
}
