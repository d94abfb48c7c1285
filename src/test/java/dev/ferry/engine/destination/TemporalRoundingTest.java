package dev.ferry.engine.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rounding fractional seconds the way SQL Server rounds datetime2(7) to (6), at every extreme (issue 18.6). */
class TemporalRoundingTest {
    @Test
    void halfUpOnTheFirstDroppedDigit() {
        LocalDateTime t = LocalDateTime.of(2024, 2, 29, 12, 0, 0);
        assertThat(TemporalRounding.round(t.withNano(123_456_500), 6)).isEqualTo(t.withNano(123_457_000));
        assertThat(TemporalRounding.round(t.withNano(123_456_499), 6)).isEqualTo(t.withNano(123_456_000));
        assertThat(TemporalRounding.round(t.withNano(999_999_900), 6)).as("carries into the next second").isEqualTo(t.plusSeconds(1));
        assertThat(TemporalRounding.round(t.withNano(500_000_000), 0)).isEqualTo(t.plusSeconds(1));
    }

    @Test
    void theLargestValuesAreTruncatedRatherThanCarriedPastTheirRange() {
        LocalDateTime max = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900);
        assertThat(TemporalRounding.round(max, 6)).isEqualTo(max.withNano(999_999_000));
        assertThat(TemporalRounding.round(LocalTime.of(23, 59, 59, 999_999_900), 6)).isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
        assertThat(TemporalRounding.round(LocalDateTime.of(1, 1, 1, 0, 0, 0, 100), 6)).isEqualTo(LocalDateTime.of(1, 1, 1, 0, 0));
    }

    @Test
    void anInstantIsRoundedInUtcWhateverItsOffset() {
        OffsetDateTime v = OffsetDateTime.of(2024, 3, 31, 1, 59, 59, 999_999_600, ZoneOffset.ofHours(14));
        assertThat(TemporalRounding.round(v, 6)).isEqualTo(OffsetDateTime.of(2024, 3, 30, 12, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void twentyFourHundredIsRecognisedOnlyAsTheEndOfTheDay() {
        assertThat(TemporalRounding.isEndOfDay("24:00:00")).isTrue();
        assertThat(TemporalRounding.isEndOfDay(" 24:00:00.000000")).isTrue();
        assertThat(TemporalRounding.isEndOfDay("24:00:00.000001")).isFalse();
        assertThat(TemporalRounding.isEndOfDay("23:59:59.999999")).isFalse();
    }

    /** Property: the result keeps at most the digits asked for, is idempotent, and is within half a unit of the value. */
    @Test
    void everyRoundedValueIsIdempotentWithinHalfAUnitAndNoFinerThanAsked() {
        Random random = new Random(18_6);
        for (int i = 0; i < 20_000; i++) {
            int digits = random.nextInt(7);
            long unit = (long) Math.pow(10, 9 - digits);
            LocalDateTime v = LocalDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000));
            LocalDateTime r = TemporalRounding.round(v, digits);
            assertThat(r.getNano() % unit).as("%s to %d digits", v, digits).isZero();
            assertThat(TemporalRounding.round(r, digits)).isEqualTo(r);
            long off = Math.abs(Duration.between(v, r).toNanos());
            assertThat(off).as("%s to %d digits gave %s", v, digits, r).isLessThanOrEqualTo(r.getYear() == 9999 ? unit : unit / 2);
        }
    }

    /** Issue 14: key text is rounded like the copy for temporal key columns, and left alone otherwise. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "2024-01-01 10:00:00.1234565|timestamp(6)|2024-01-01 10:00:00.123457",
            "2024-01-01T10:00:00.1234564|timestamp(6)|2024-01-01 10:00:00.123456",
            "9999-12-31 23:59:59.9999999|timestamp(6)|9999-12-31 23:59:59.999999",
            "2024-01-01 10:00:00.5|timestamp(0)|2024-01-01 10:00:01",
            "23:59:59.9999999|time(6)|23:59:59.999999",
            "2024-01-01 10:00:00.1234565 +01:00|timestamptz(6)|2024-01-01 10:00:00.123457 +01:00",
            "2024-01-01 10:00:00.123456|timestamp(6)|2024-01-01 10:00:00.123456",
            "2024-01-01 10:00:00.1234565|varchar(40)|2024-01-01 10:00:00.1234565",
            "10:00:00.1234565|timestamp(6)|10:00:00.1234565"})
    void keyTextIsRoundedLikeTheCopy(String text, String type, String expected) {
        assertThat(TemporalRounding.keyText(text, type)).isEqualTo(expected);
    }
}
