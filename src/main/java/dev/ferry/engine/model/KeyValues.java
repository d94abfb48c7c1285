package dev.ferry.engine.model;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Encodes chunk-bound key values as tagged strings ({@code i:42}, {@code f:NaN}, {@code s:abc}, {@code u:…},
 * {@code t:2024-01-01T10:00}, {@code h:10:00:00.1234567}) for the journal, and decodes them back to objects that bind as
 * parameters of the source's own comparison.
 */
public final class KeyValues {
    private KeyValues() {
    }

    public static String encode(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return "i:" + v;
        }
        if (v instanceof Double || v instanceof Float) {
            // Double.toString is the shortest text that reads back as the same bits; NaN and ±Infinity included
            return "f:" + ((Number) v).doubleValue();
        }
        if (v instanceof BigDecimal || v instanceof BigInteger) {
            return "n:" + (v instanceof BigDecimal d ? d.toPlainString() : v.toString());
        }
        if (v instanceof String s) {
            return "s:" + s;
        }
        if (v instanceof UUID u) {
            return "u:" + u;
        }
        if (v instanceof java.sql.Timestamp t) {
            return "t:" + t.toLocalDateTime();
        }
        if (v instanceof LocalDateTime t) {
            return "t:" + t;
        }
        if (v instanceof java.sql.Date d) {
            return "d:" + d.toLocalDate();
        }
        if (v instanceof LocalDate d) {
            return "d:" + d;
        }
        if (v instanceof OffsetDateTime o) {
            return "z:" + o;
        }
        if (v instanceof LocalTime t) {
            return "h:" + t;
        }
        if (v instanceof byte[] b) {
            return "x:" + HexFormat.of().formatHex(b);
        }
        if (v instanceof Boolean b) {
            return "b:" + b;
        }
        throw new FerryException(ErrorCode.UNSUPPORTED_TYPE, "Unable to use a key value of type "
                + (v == null ? "null" : v.getClass().getName()) + " as a chunk bound");
    }

    public static Object decode(String tagged) {
        String v = tagged.substring(2);
        return switch (tagged.charAt(0)) {
            case 'i' -> Long.valueOf(v);
            case 'n' -> new BigDecimal(v);
            case 'f' -> Double.valueOf(v);
            case 's' -> v;
            case 'u' -> UUID.fromString(v);
            case 't' -> LocalDateTime.parse(v);
            case 'd' -> LocalDate.parse(v);
            case 'z' -> OffsetDateTime.parse(v);
            case 'h' -> LocalTime.parse(v);
            case 'x' -> HexFormat.of().parseHex(v);
            case 'b' -> Boolean.valueOf(v);
            default -> throw new IllegalArgumentException("unknown key tag in " + tagged);
        };
    }
}
