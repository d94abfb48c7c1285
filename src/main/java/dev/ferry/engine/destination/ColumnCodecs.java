package dev.ferry.engine.destination;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The codec for each PostgreSQL target type the row path writes. */
public final class ColumnCodecs {
    private static final Pattern MODIFIERS = Pattern.compile("^([a-z ]+?)(?:\\((\\d+)(?:,(\\d+))?\\))?( with(?:out)? time zone)?$");
    /** PostgreSQL's uuid input: 32 hex digits, a hyphen allowed after any group of four, optionally in braces. */
    private static final Pattern UUID_TEXT = Pattern.compile("\\{((?:\\p{XDigit}{4}-?){7}\\p{XDigit}{4})}|((?:\\p{XDigit}{4}-?){7}\\p{XDigit}{4})");
    /** Microseconds between 1970-01-01 and PostgreSQL's epoch 2000-01-01. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final long PG_EPOCH_DAYS = 10_957L;
    /** PostgreSQL's first date and timestamp: 4714-11-24 BC (Julian day 0; proleptic year -4713). */
    private static final LocalDate MIN_DATE = LocalDate.of(-4713, 11, 24);
    /** PostgreSQL's last date (issue 12.7: a valid date was refused against the timestamp's limit). */
    private static final LocalDate MAX_DATE = LocalDate.of(5_874_897, 12, 31);
    /** PostgreSQL's last timestamp's day (294276-12-31 23:59:59.999999). */
    private static final LocalDate MAX_TIMESTAMP_DATE = LocalDate.of(294_276, 12, 31);

    private ColumnCodecs() {
    }

    /**
     * The codec for {@code targetType}; {@code streams}: the source's driver streams long values
     * (SourceDialect#streamsLongValues), so unbounded text and bytes are read as streams.
     */
    public static ColumnCodec forType(String targetType, String column, boolean streams) {
        String canonical = PostgresTypeNames.canonical(targetType);
        if (streams && (canonical.equals("text") || canonical.equals("xml") || canonical.equals("json")
                || canonical.equals("character varying"))) {
            return LongValueCodecs::textStream;
        }
        return streams && canonical.equals("bytea") ? LongValueCodecs::bytesStream : forType(targetType, column);
    }

    /** The codec for {@code targetType}; {@link ErrorCode#UNSUPPORTED_TYPE} naming the column when there is none. */
    public static ColumnCodec forType(String targetType, String column) {
        String canonical = PostgresTypeNames.canonical(targetType);
        Matcher m = MODIFIERS.matcher(canonical);
        if (!m.matches()) {
            throw unsupported(targetType, column);
        }
        String base = m.group(1).trim();
        Integer p = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer s = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        boolean tz = " with time zone".equals(m.group(4));
        ColumnCodec codec = switch (base) {
            case "boolean" -> ColumnCodecs::bool;
            case "smallint" -> integer(Short.MIN_VALUE, Short.MAX_VALUE, 2);
            case "integer" -> integer(Integer.MIN_VALUE, Integer.MAX_VALUE, 4);
            case "bigint" -> integer(Long.MIN_VALUE, Long.MAX_VALUE, 8);
            case "real" -> ColumnCodecs::float4;
            case "double precision" -> ColumnCodecs::float8;
            case "numeric" -> numeric(p, p != null && s == null ? Integer.valueOf(0) : s); // numeric(p) is numeric(p,0)
            case "text", "citext", "name", "json", "xml" -> text(null, false);
            case "character varying" -> text(p, false);
            case "character" -> text(p, true);
            case "jsonb" -> ColumnCodecs::jsonb;
            case "bytea" -> ColumnCodecs::bytea;
            case "uuid" -> ColumnCodecs::uuid;
            case "date" -> ColumnCodecs::date;
            case "timestamp" -> timestamp(p == null ? 6 : p, tz);
            case "time" -> tz ? null : time(p == null ? 6 : p);
            default -> null;
        };
        if (codec == null) {
            throw unsupported(targetType, column);
        }
        return codec;
    }

    private static FerryException unsupported(String type, String column) {
        return new FerryException(ErrorCode.UNSUPPORTED_TYPE, "Unable to copy column '" + column + "': Ferry's row copy "
                + "has no binary encoder for PostgreSQL type '" + type + "'. Add a cast rule to a supported type.");
    }

    private static void bool(ResultSet rs, int i, String col, BinaryRowBuffer out, ValueContext ctx) throws java.sql.SQLException {
        boolean v = rs.getBoolean(i);
        if (rs.wasNull()) {
            out.writeNull();
            return;
        }
        out.int32(1);
        out.raw(new byte[] {(byte) (v ? 1 : 0)});
    }

    private static ColumnCodec integer(long min, long max, int size) {
        return (rs, i, col, out, ctx) -> {
            Object o = rs.getObject(i);
            if (o == null) {
                out.writeNull();
                return;
            }
            long v;
            if (o instanceof Number n && !(o instanceof BigDecimal) && !(o instanceof java.math.BigInteger)) {
                v = n.longValue();
            } else {
                BigDecimal d = new BigDecimal(o.toString());
                if (d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
                    throw ctx.error(col, "value " + d.toPlainString() + " is not an integer in [" + min + ", " + max + "]");
                }
                v = d.longValueExact();
            }
            if (v < min || v > max) {
                throw ctx.error(col, "value " + v + " is outside [" + min + ", " + max + "]");
            }
            switch (size) {
                case 2 -> out.fieldInt16((int) v);
                case 4 -> out.fieldInt32((int) v);
                default -> out.fieldInt64(v);
            }
        };
    }

    private static void float4(ResultSet rs, int i, String col, BinaryRowBuffer out, ValueContext ctx) throws java.sql.SQLException {
        float v = rs.getFloat(i);
        if (rs.wasNull()) {
            out.writeNull();
            return;
        }
        out.fieldInt32(Float.floatToRawIntBits(v));
    }

    private static void float8(ResultSet rs, int i, String col, BinaryRowBuffer out, ValueContext ctx) throws java.sql.SQLException {
        double v = rs.getDouble(i);
        if (rs.wasNull()) {
            out.writeNull();
            return;
        }
        out.fieldInt64(Double.doubleToRawLongBits(v));
    }

    private static ColumnCodec numeric(Integer precision, Integer scale) {
        return (rs, i, col, out, ctx) -> {
            Object o = rs.getObject(i);
            if (o instanceof Double d && (d.isNaN() || d.isInfinite())) {
                // pgjdbc hands numeric NaN and ±Infinity over as a Double
                if (d.isInfinite() && precision != null) {
                    throw ctx.error(col, "value " + d + " does not fit numeric(" + precision + "," + scale + ")");
                }
                NumericEncoding.writeSpecial(d, out);
                return;
            }
            BigDecimal v = o == null ? null : o instanceof BigDecimal b ? b : rs.getBigDecimal(i);
            if (v == null) {
                out.writeNull();
                return;
            }
            if (scale != null) {
                BigDecimal exact = v.stripTrailingZeros();
                if (exact.scale() > scale) {
                    throw ctx.error(col, "value " + v.toPlainString() + " has more than " + scale
                            + " decimal places; numeric(" + precision + "," + scale + ") would round it");
                }
                v = exact.setScale(scale);
                if (v.precision() - v.scale() > precision - scale) {
                    throw ctx.error(col, "value " + v.toPlainString() + " does not fit numeric(" + precision + "," + scale + ")");
                }
            }
            NumericEncoding.write(v, out);
        };
    }

    private static ColumnCodec text(Integer length, boolean fixed) {
        return (rs, i, col, out, ctx) -> {
            String v = rs.getString(i);
            if (v == null) {
                out.writeNull();
                return;
            }
            v = LongValueCodecs.withoutNul(v, col, ctx);
            if (length != null) {
                int chars = v.codePointCount(0, v.length());
                if (chars > length && !(fixed && v.substring(v.offsetByCodePoints(0, length)).isBlank())) {
                    throw ctx.error(col, "the text has " + chars + " characters; the column holds " + length);
                }
            }
            LongValues.text(v, out);
        };
    }

    private static void jsonb(ResultSet rs, int i, String col, BinaryRowBuffer out, ValueContext ctx) throws java.sql.SQLException {
        String v = rs.getString(i);
        if (v == null) {
            out.writeNull();
            return;
        }
        byte[] text = v.getBytes(StandardCharsets.UTF_8);
        out.int32(text.length + 1);
        out.raw(new byte[] {1});
        out.raw(text);
    }

    private static void bytea(ResultSet rs, int i, String col, BinaryRowBuffer out, ValueContext ctx) throws java.sql.SQLException {
        byte[] v = rs.getBytes(i);
        if (v == null) {
            out.writeNull();
            return;
        }
        LongValues.bytes(v, out);
    }

    private static void uuid(ResultSet rs, int i, String col, BinaryRowBuffer out, ValueContext ctx) throws java.sql.SQLException {
        String v = rs.getString(i);
        if (v == null) {
            out.writeNull();
            return;
        }
        // UUID.fromString would pad short groups ('1-1-1-1-1'); PostgreSQL's own input rules decide instead
        Matcher m = UUID_TEXT.matcher(v.trim());
        if (!m.matches()) {
            throw ctx.error(col, "'" + v + "' is not a uuid");
        }
        String hex = (m.group(1) != null ? m.group(1) : m.group(2)).replace("-", "");
        UUID u = new UUID(Long.parseUnsignedLong(hex, 0, 16, 16), Long.parseUnsignedLong(hex, 16, 32, 16));
        out.field(ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array());
    }

    private static void date(ResultSet rs, int i, String col, BinaryRowBuffer out, ValueContext ctx) throws java.sql.SQLException {
        LocalDate v = rs.getObject(i, LocalDate.class);
        if (v == null) {
            out.writeNull();
            return;
        }
        if (v.equals(LocalDate.MAX) || v.equals(LocalDate.MIN)) {
            out.fieldInt32(v.equals(LocalDate.MAX) ? Integer.MAX_VALUE : Integer.MIN_VALUE);
            return;
        }
        if (v.isBefore(MIN_DATE) || v.isAfter(MAX_DATE)) {
            throw ctx.error(col, "date " + v + " is outside PostgreSQL's range (4714-11-24 BC to 5874897-12-31)");
        }
        out.fieldInt32((int) (v.toEpochDay() - PG_EPOCH_DAYS));
    }

    private static ColumnCodec timestamp(int digits, boolean tz) {
        return (rs, i, col, out, ctx) -> {
            LocalDateTime v;
            if (tz) {
                OffsetDateTime o = rs.getObject(i, OffsetDateTime.class);
                v = o == null ? null : o.equals(OffsetDateTime.MAX) ? LocalDateTime.MAX : o.equals(OffsetDateTime.MIN)
                        ? LocalDateTime.MIN : o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            } else {
                v = rs.getObject(i, LocalDateTime.class);
            }
            if (v == null) {
                out.writeNull();
                return;
            }
            // pgjdbc hands PostgreSQL's 'infinity' and '-infinity' over as MAX and MIN
            if (v.equals(LocalDateTime.MAX) || v.equals(LocalDateTime.MIN)) {
                out.fieldInt64(v.equals(LocalDateTime.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE);
                return;
            }
            LocalDateTime r = TemporalRounding.round(v, digits);
            if (!r.equals(v)) {
                ctx.counters().rounded(col);
            }
            if (r.toLocalDate().isBefore(MIN_DATE) || r.toLocalDate().isAfter(MAX_TIMESTAMP_DATE)) {
                throw ctx.error(col, "timestamp " + v + " is outside PostgreSQL's range (4714-11-24 00:00 BC to "
                        + "294276-12-31 23:59:59.999999)");
            }
            long seconds = r.toEpochSecond(ZoneOffset.UTC) - PG_EPOCH_SECONDS;
            out.fieldInt64(Math.addExact(Math.multiplyExact(seconds, 1_000_000L), r.getNano() / 1000));
        };
    }

    /** Read as text: PostgreSQL's time holds 24:00:00, which LocalTime cannot, and text keeps every digit. */
    private static ColumnCodec time(int digits) {
        return (rs, i, col, out, ctx) -> {
            String text = rs.getString(i);
            if (text == null) {
                out.writeNull();
                return;
            }
            String t = text.trim();
            if (TemporalRounding.isEndOfDay(t)) {
                out.fieldInt64(86_400_000_000L);
                return;
            }
            LocalTime v;
            try {
                v = LocalTime.parse(t);
            } catch (java.time.format.DateTimeParseException e) {
                throw ctx.error(col, "'" + text + "' is not a time of day");
            }
            LocalTime r = TemporalRounding.round(v, digits);
            if (!r.equals(v)) {
                ctx.counters().rounded(col);
            }
            out.fieldInt64(r.toNanoOfDay() / 1000);
        };
    }
}
