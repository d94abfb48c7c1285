package dev.ferry.engine.model;

import java.util.Locale;

/**
 * A column type as the source declares it. {@code name} is lower-case; {@code length} is in
 * characters for character types and bytes for binary types, {@link #MAX} for (max)/LOB types,
 * null when the type has none. {@code precision} is the fractional-second digits for time types.
 */
public record DataType(String name, Integer length, Integer precision, Integer scale) {
    public static final int MAX = -1;

    public DataType {
        name = name.toLowerCase(Locale.ROOT);
    }

    public static DataType of(String name) {
        return new DataType(name, null, null, null);
    }

    public static DataType sized(String name, int length) {
        return new DataType(name, length, null, null);
    }

    public static DataType numeric(String name, int precision, int scale) {
        return new DataType(name, null, precision, scale);
    }

    public static DataType temporal(String name, int fractionalDigits) {
        return new DataType(name, null, fractionalDigits, null);
    }

    public boolean isMax() {
        return length != null && length == MAX;
    }

    /** The type written the way its source declares it, e.g. {@code nvarchar(max)} or {@code decimal(18,2)}. */
    public String display() {
        if (length != null) {
            return name + "(" + (isMax() ? "max" : length) + ")";
        }
        if (precision != null && scale != null) {
            return name + "(" + precision + "," + scale + ")";
        }
        if (precision != null) {
            return name + "(" + precision + ")";
        }
        return name;
    }
}
