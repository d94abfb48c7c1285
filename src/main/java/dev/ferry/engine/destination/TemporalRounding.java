package dev.ferry.engine.destination;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How fractional seconds finer than the target column keeps (PostgreSQL keeps at most
 * microseconds) are rounded: half up on the first dropped digit, as SQL Server itself rounds
 * datetime2(7) to datetime2(6), except where rounding would carry past the largest value the
 * source holds (9999-12-31 23:59:59.9999999 would become year 10000; 23:59:59.9999999 would become
 * 24:00): there the value is truncated instead. The copy and the validation both use this class,
 * so they agree on every value; the copy counts every value it rounds.
 */
public final class TemporalRounding {
    private static final LocalDateTime MAX_DATETIME = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999);

    private TemporalRounding() {
    }

    private static long unit(int digits) {
        long unit = 1;
        for (int i = digits; i < 9; i++) {
            unit *= 10;
        }
        return unit;
    }

    /** {@code v} with at most {@code digits} fractional digits (0..6). */
    public static LocalDateTime round(LocalDateTime v, int digits) {
        long unit = unit(digits);
        int nanos = v.getNano();
        long keep = nanos / unit * unit;
        if (keep == nanos) {
            return v;
        }
        LocalDateTime truncated = v.withNano((int) keep);
        if (nanos - keep < unit / 2) {
            return truncated;
        }
        LocalDateTime rounded = truncated.plusNanos(unit);
        return rounded.getYear() > MAX_DATETIME.getYear() ? truncated : rounded;
    }

    public static LocalTime round(LocalTime v, int digits) {
        long unit = unit(digits);
        int nanos = v.getNano();
        long keep = nanos / unit * unit;
        if (keep == nanos) {
            return v;
        }
        LocalTime truncated = v.withNano((int) keep);
        if (nanos - keep < unit / 2) {
            return truncated;
        }
        LocalTime rounded = truncated.plusNanos(unit);
        return rounded.isBefore(truncated) ? truncated : rounded;
    }

    /** Whether a time of day as text is PostgreSQL's 24:00:00 (which {@link LocalTime} cannot hold). */
    public static boolean isEndOfDay(String time) {
        String t = time.trim();
        return t.startsWith("24:00:00") && t.substring(8).replaceAll("[.0]", "").isEmpty();
    }

    /** The instant in UTC, rounded like {@link #round(LocalDateTime, int)}. */
    public static OffsetDateTime round(OffsetDateTime v, int digits) {
        LocalDateTime utc = v.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        return OffsetDateTime.of(round(utc, digits), ZoneOffset.UTC);
    }
}
