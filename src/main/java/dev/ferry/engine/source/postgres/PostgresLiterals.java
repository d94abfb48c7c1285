package dev.ferry.engine.source.postgres;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.postgresql.core.Utils;

/**
 * Chunk-bound values as PostgreSQL literals, for statements that take no parameters
 * ({@code COPY (SELECT … WHERE key > 'x') TO STDOUT}). Every value is an escape string
 * ({@code E'…'}, quotes and backslashes escaped by pgjdbc's {@link Utils#escapeLiteral}), which
 * reads the same whatever the session's {@code standard_conforming_strings}; left untyped, it takes
 * the type of the key column it is compared with. Dates and timestamps are written in PostgreSQL's
 * own input form: ISO with the year unsigned and an {@code BC} suffix, {@code ±infinity} for the
 * java.time MIN/MAX pgjdbc reads them as, {@code timestamptz} in UTC with its offset.
 */
final class PostgresLiterals {
    private PostgresLiterals() {
    }

    static String literal(Object value) {
        return quoted(text(value));
    }

    /** The value in PostgreSQL's input form, for a literal or an untyped parameter. */
    static String text(Object value) {
        if (value instanceof byte[] b) {
            return "\\x" + HexFormat.of().formatHex(b);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof LocalDateTime t) {
            return timestamp(t, "");
        }
        if (value instanceof OffsetDateTime t) {
            return t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN) ? infinity(t.equals(OffsetDateTime.MAX))
                    : timestamp(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), "+00");
        }
        if (value instanceof LocalDate d) {
            return date(d);
        }
        if (value instanceof java.time.LocalTime t) {
            return t.equals(java.time.LocalTime.MAX) ? "24:00:00" : t.toString();
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof String || value instanceof java.util.UUID) {
            return value.toString();
        }
        throw new FerryException(ErrorCode.UNSUPPORTED_TYPE, "Unable to write a chunk bound of type "
                + (value == null ? "null" : value.getClass().getName()) + " as a PostgreSQL literal");
    }

    private static String timestamp(LocalDateTime t, String offset) {
        if (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)) {
            return infinity(t.equals(LocalDateTime.MAX));
        }
        return String.format(java.util.Locale.ROOT, "%s %02d:%02d:%02d.%06d%s%s", ymd(t.toLocalDate()), t.getHour(), t.getMinute(),
                t.getSecond(), t.getNano() / 1000, offset, era(t.getYear()));
    }

    private static String date(LocalDate d) {
        if (d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN)) {
            return infinity(d.equals(LocalDate.MAX));
        }
        return ymd(d) + era(d.getYear());
    }

    /** The year as PostgreSQL writes it: unsigned, 1 BC being proleptic year 0. */
    private static String ymd(LocalDate d) {
        int year = d.getYear() > 0 ? d.getYear() : 1 - d.getYear();
        return String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", year, d.getMonthValue(), d.getDayOfMonth());
    }

    private static String era(int prolepticYear) {
        return prolepticYear > 0 ? "" : " BC";
    }

    private static String infinity(boolean positive) {
        return positive ? "infinity" : "-infinity";
    }

    private static String quoted(String text) {
        try {
            // standardConformingStrings=false: backslashes doubled, as an E'' string wants them
            return Utils.escapeLiteral(new StringBuilder("E'"), text, false).append('\'').toString();
        } catch (SQLException e) {
            throw new FerryException(ErrorCode.DATA, "Unable to write the chunk bound '" + text.replace("\u0000", "\\u0000")
                    + "' as a PostgreSQL literal: " + e.getMessage(), e);
        }
    }
}
