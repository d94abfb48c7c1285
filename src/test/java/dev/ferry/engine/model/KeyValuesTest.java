package dev.ferry.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Chunk-bound key values survive the journal exactly, at every type's extremes (issue 18.6). */
class KeyValuesTest {
    private static Object roundTrip(Object v) {
        return KeyValues.decode(KeyValues.encode(v));
    }

    @Test
    void integersDecimalsAndFloatsKeepTheirValueAndFloatsTheirBits() {
        assertThat(roundTrip(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(roundTrip(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(roundTrip((short) -7)).isEqualTo(-7L);
        BigDecimal huge = new BigDecimal("-123456789012345678901234567890.000000000000000000000001");
        assertThat((BigDecimal) roundTrip(huge)).isEqualByComparingTo(huge).hasScaleOf(huge.scale());
        assertThat((BigDecimal) roundTrip(new BigDecimal("1E+30"))).isEqualByComparingTo("1E+30");
        assertThat(roundTrip(new BigInteger("99999999999999999999999999"))).isEqualTo(new BigDecimal("99999999999999999999999999"));
        for (double d : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE,
                Double.MAX_VALUE, 0.1, -1e-300)) {
            assertThat(Double.doubleToRawLongBits((Double) roundTrip(d))).as("%s", d).isEqualTo(Double.doubleToRawLongBits(d));
        }
        Random random = new Random(186);
        for (int i = 0; i < 10_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isNaN(d)) {
                assertThat(Double.doubleToRawLongBits((Double) roundTrip(d))).as("%s", d).isEqualTo(Double.doubleToRawLongBits(d));
            }
        }
    }

    @Test
    void textUuidsBytesBooleansAndTimesComeBackEqual() {
        for (String s : List.of("", "s:nested:colons", "tab\tnew\nline", "'\"\\?$1$$", "emoji 🍳🔥", "x".repeat(2_000))) {
            assertThat(roundTrip(s)).isEqualTo(s);
        }
        UUID u = UUID.randomUUID();
        assertThat(roundTrip(u)).isEqualTo(u);
        assertThat((byte[]) roundTrip(new byte[] {0, (byte) 0xff, 0x7f})).containsExactly(0, 0xff, 0x7f);
        assertThat((byte[]) roundTrip(new byte[0])).isEmpty();
        assertThat(roundTrip(Boolean.FALSE)).isEqualTo(false);
        for (LocalDateTime t : List.of(LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900),
                LocalDateTime.of(-4712, 1, 1, 0, 0), LocalDateTime.of(294276, 12, 31, 23, 59, 59))) {
            assertThat(roundTrip(t)).isEqualTo(t);
        }
        assertThat(roundTrip(LocalDate.of(5874897, 12, 31))).isEqualTo(LocalDate.of(5874897, 12, 31));
        OffsetDateTime z = OffsetDateTime.of(2024, 11, 3, 1, 30, 0, 0, ZoneOffset.ofHours(-4));
        assertThat(roundTrip(z)).as("the offset is kept, so a DST fall-back is not two equal bounds").isEqualTo(z);
        assertThat(roundTrip(java.sql.Timestamp.valueOf("2024-02-29 12:00:00.1234567"))).isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 0, 0,
                123_456_700));
    }

    @Test
    void aTypeThatCannotBeABoundIsRefusedNamingIt() {
        assertThatThrownBy(() -> KeyValues.encode(java.time.Duration.ofSeconds(1))).isInstanceOf(FerryException.class)
                .hasMessageContaining("java.time.Duration").extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_TYPE);
        assertThatThrownBy(() -> KeyValues.decode("q:1")).hasMessageContaining("q:1");
    }

    /** Issue 14.6: a time key keeps its 100 ns. */
    @Test
    void timesOfDayKeepTheirNanoseconds() {
        java.time.LocalTime t = java.time.LocalTime.of(23, 59, 59, 999_999_900);
        assertThat(roundTrip(t)).isEqualTo(t);
        assertThat(roundTrip(java.time.LocalTime.MIDNIGHT)).isEqualTo(java.time.LocalTime.MIDNIGHT);
    }
}
