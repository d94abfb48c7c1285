package dev.ferry.engine.verify;

import dev.ferry.engine.destination.TemporalRounding;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.destination.PostgresTypeNames;
import com.google.common.hash.Hasher;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one normalization both sides of a comparison go through, chosen by the column's PostgreSQL
 * type, so the two engines' text formatting never matters:
 * <ul>
 * <li>integers as decimal text; decimals by value at the target scale ({@code 1.50} and {@code 1.5}
 *     in numeric(10,2) are equal, {@code 1.501} is not); numeric NaN and ±Infinity as themselves;</li>
 * <li>{@code real} and {@code double precision} by their exact IEEE bits;</li>
 * <li>booleans as t/f; uuids in canonical lower case; bytes as hex;</li>
 * <li>text exactly (trailing spaces, empty versus NULL, case all count), except that {@code char(n)}
 *     ignores trailing blanks as both engines do; a value the copy is configured to replace (U+0000)
 *     is compared as replaced;</li>
 * <li>timestamps, times and timestamptz (as UTC instants) at the precision PostgreSQL keeps, with
 *     the copy's own rounding ({@link TemporalRounding}); PostgreSQL's 24:00 and infinities kept.</li>
 * </ul>
 * NULL is distinct from every value. The result is a string per value, or null for NULL.
 */
public final class ValueNormalizer {
    private static final Pattern TYPE = Pattern.compile("^([a-z ]+?)(?:\\((\\d+)(?:,(\\d+))?\\))?( with(?:out)? time zone)?$");

    /** How one column is read, normalized and added to its row's hash. */
    @FunctionalInterface
    public interface Reader {
        /**
         * Reads the value at {@code index}, adds it to {@code row} ({@link ValueHashing}) and returns
         * what the row keeps of it: the normalized text, a {@link LongValue} for a long value, or null.
         */
        Object read(ResultSet rs, int index, Hasher row) throws SQLException;
    }

    /** A column read whole as its normalized text. */
    @FunctionalInterface
    private interface TextReader {
        String read(ResultSet rs, int index) throws SQLException;
    }

    private static Reader whole(TextReader r) {
        return (rs, i, row) -> ValueHashing.text(row, r.read(rs, i));
    }

    private ValueNormalizer() {
    }

    /**
     * The reader for a column of PostgreSQL type {@code targetType}. {@code policy} is applied to
     * the source side only (null for the target). {@code streams}: the driver streams long values
     * (mssql-jdbc, H2's LOBs), so unbounded text and bytes are read as character and binary
     * streams; otherwise (pgjdbc, which holds a whole field in memory whatever is asked) they are
     * read whole, once, and hashed slice by slice.
     */
    public static Reader forType(String targetType, ValuePolicy policy, boolean streams) {
        Reader r = forType(targetType, policy);
        Matcher m = TYPE.matcher(PostgresTypeNames.canonical(targetType));
        String base = m.matches() ? m.group(1).trim() : "";
        return streams && m.matches() && m.group(2) == null ? switch (base) {
            case "bytea" -> (rs, i, row) -> binaryStream(rs, i, row);
            case "text", "character varying", "xml", "json", "citext" -> (rs, i, row) -> characterStream(rs, i, row, policy);
            default -> r;
        } : r;
    }

    private static Object binaryStream(ResultSet rs, int i, Hasher row) throws SQLException {
        try {
            return ValueHashing.bytes(row, rs.getBinaryStream(i));
        } catch (IOException e) {
            throw new SQLException("Unable to read a binary value: " + e.getMessage(), e);
        }
    }

    private static Object characterStream(ResultSet rs, int i, Hasher row, ValuePolicy policy) throws SQLException {
        String nul = policy == null ? null : policy.nulReplacement();
        try {
            return ValueHashing.text(row, rs.getCharacterStream(i), nul == null ? s -> s : s -> s.replace("\u0000", nul));
        } catch (IOException e) {
            throw new SQLException("Unable to read a text value: " + e.getMessage(), e);
        }
    }

    /** The reader for a column of PostgreSQL type {@code targetType}, reading every value whole. */
    public static Reader forType(String targetType, ValuePolicy policy) {
        Matcher m = TYPE.matcher(PostgresTypeNames.canonical(targetType));
        String base = m.matches() ? m.group(1).trim() : "";
        Integer p = m.matches() && m.group(2) != null ? Integer.valueOf(m.group(2)) : null;
        Integer s = m.matches() && m.group(3) != null ? Integer.valueOf(m.group(3)) : null;
        boolean tz = m.matches() && " with time zone".equals(m.group(4));
        return switch (base) {
            case "boolean" -> whole((rs, i) -> {
                boolean v = rs.getBoolean(i);
                return rs.wasNull() ? null : v ? "t" : "f";
            });
            case "smallint", "integer", "bigint" -> whole((rs, i) -> {
                Object v = rs.getObject(i);
                return v == null ? null : new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
            });
            case "real" -> whole((rs, i) -> {
                float v = rs.getFloat(i);
                return rs.wasNull() ? null : Integer.toHexString(Float.floatToRawIntBits(v));
            });
            case "double precision" -> whole((rs, i) -> {
                double v = rs.getDouble(i);
                return rs.wasNull() ? null : Long.toHexString(Double.doubleToRawLongBits(v));
            });
            case "numeric" -> whole((rs, i) -> {
                Object o = rs.getObject(i);
                if (o instanceof Double d && (d.isNaN() || d.isInfinite())) {
                    return d.toString(); // numeric NaN and ±Infinity, as pgjdbc hands them over
                }
                BigDecimal v = o == null ? null : o instanceof BigDecimal b ? b : rs.getBigDecimal(i);
                if (v == null) {
                    return null;
                }
                BigDecimal exact = v.stripTrailingZeros();
                return (s != null && exact.scale() <= s ? exact.setScale(s) : exact).toPlainString();
            });
            case "character" -> whole(text(policy, true));
            case "bytea" -> (rs, i, row) -> ValueHashing.bytes(row, rs.getBytes(i));
            case "uuid" -> whole((rs, i) -> {
                String v = rs.getString(i);
                return v == null ? null : UUID.fromString(v.trim()).toString();
            });
            case "date" -> whole((rs, i) -> {
                LocalDate v = rs.getObject(i, LocalDate.class);
                return v == null ? null : v.toString();
            });
            case "timestamp" -> whole(timestamp(p == null ? 6 : p, tz));
            case "time" -> whole(tz ? text(null, false) : time(p == null ? 6 : p));
            default -> whole(text(policy, false));
        };
    }

    private static TextReader text(ValuePolicy policy, boolean blankPadded) {
        return (rs, i) -> {
            String v = rs.getString(i);
            if (v == null) {
                return null;
            }
            if (policy != null && policy.nulReplacement() != null) {
                v = v.replace("\u0000", policy.nulReplacement());
            }
            return blankPadded ? v.stripTrailing() : v;
        };
    }

    private static TextReader timestamp(int digits, boolean tz) {
        return (rs, i) -> {
            LocalDateTime v;
            if (tz) {
                OffsetDateTime o = rs.getObject(i, OffsetDateTime.class);
                if (o == null) {
                    return null;
                }
                v = o.equals(OffsetDateTime.MAX) ? LocalDateTime.MAX : o.equals(OffsetDateTime.MIN) ? LocalDateTime.MIN
                        : o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            } else {
                v = rs.getObject(i, LocalDateTime.class);
                if (v == null) {
                    return null;
                }
            }
            if (v.equals(LocalDateTime.MAX) || v.equals(LocalDateTime.MIN)) {
                return v.equals(LocalDateTime.MAX) ? "infinity" : "-infinity";
            }
            return TemporalRounding.round(v, digits).toString();
        };
    }

    private static TextReader time(int digits) {
        return (rs, i) -> {
            String t = rs.getString(i);
            if (t == null) {
                return null;
            }
            if (TemporalRounding.isEndOfDay(t)) {
                return "24:00";
            }
            return TemporalRounding.round(LocalTime.parse(t.trim()), digits).toString();
        };
    }

    /**
     * One value's normalized text alone, without a row hash, e.g. to compare a query's answers; a
     * long value is its prefix and length followed by its own hash, so two long values with the same
     * beginning still differ.
     */
    public static String text(Reader reader, ResultSet rs, int index) throws SQLException {
        Object v = reader.read(rs, index, ValueHashing.MURMUR.newHasher());
        return v instanceof LongValue l ? l.display() + " #" + l.hash() : (String) v;
    }

    /**
     * A value as a report shows it: NULL spelled out; a value longer than 200 characters cut there,
     * followed by its whole length (for a {@link LongValue}, the only part the row kept).
     */
    public static String display(Object value) {
        if (value instanceof LongValue l) {
            return l.display();
        }
        String v = (String) value;
        return v == null ? "NULL" : v.length() > ValueHashing.PREFIX
                ? v.substring(0, ValueHashing.PREFIX) + "… (" + v.length() + " characters)" : v;
    }
}
