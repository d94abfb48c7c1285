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

    private static final java.util.regex.Pattern TEMPORAL_TYPE = java.util.regex.Pattern.compile("(timestamptz|timestamp|time)(?:\\((\\d)\\))?");
    private static final java.util.regex.Pattern DATE_TIME_TEXT =
            java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2}[ T])?(\\d{2}:\\d{2}:\\d{2})\\.(\\d+)(.*)");

    /**
     * A key value's text as PostgreSQL must read it to find the row the copy wrote, for a column of
     * {@code targetType}: a timestamp or time with more fractional digits than the column keeps is
     * rounded here, like the copy (half up). Left to PostgreSQL, the text would be rounded half to even
     * ({@code .1234565} to {@code .123456} where the copy wrote {@code .123457}) and match no row
     * (issue 14). Any other text is returned as it is.
     */
    public static String keyText(String text, String targetType) {
        java.util.regex.Matcher type = targetType == null ? null : TEMPORAL_TYPE.matcher(targetType.trim());
        java.util.regex.Matcher value = text == null ? null : DATE_TIME_TEXT.matcher(text.trim());
        if (type == null || !type.matches() || !value.matches() || (value.group(1) == null) != type.group(1).equals("time")) {
            return text;
        }
        int digits = type.group(2) == null ? 6 : Integer.parseInt(type.group(2));
        String fraction = value.group(3);
        if (fraction.length() <= digits || fraction.length() > 9) {
            return text;
        }
        String nanos = (fraction + "000000000").substring(0, 9);
        LocalTime time = LocalTime.parse(value.group(2) + "." + nanos);
        String rest = value.group(4);
        if (value.group(1) == null) {
            return timeText(round(time, digits), digits) + rest;
        }
        LocalDateTime r = round(LocalDateTime.of(java.time.LocalDate.parse(value.group(1).substring(0, 10)), time), digits);
        return r.toLocalDate() + " " + timeText(r.toLocalTime(), digits) + rest;
    }

    /** Every key of {@code keys} through {@link #keyText}, column {@code i} typed {@code targetTypes.get(i)}. */
    public static java.util.List<java.util.List<String>> keyTexts(java.util.List<java.util.List<String>> keys,
                                                                 java.util.List<String> targetTypes) {
        java.util.List<java.util.List<String>> out = new java.util.ArrayList<>();
        for (java.util.List<String> key : keys) {
            java.util.List<String> k = new java.util.ArrayList<>();
            for (int i = 0; i < key.size(); i++) {
                k.add(keyText(key.get(i), targetTypes.get(i)));
            }
            out.add(k);
        }
        return out;
    }

    private static String timeText(LocalTime t, int digits) {
        String full = t.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS", java.util.Locale.ROOT));
        return digits == 0 ? full.substring(0, 8) : full.substring(0, 9 + digits);
    }
}
