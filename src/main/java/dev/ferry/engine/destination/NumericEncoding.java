package dev.ferry.engine.destination;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL's binary numeric: base-10000 digits with weight, sign and display scale. No floating point anywhere. */
final class NumericEncoding {
    private static final int POSITIVE = 0x0000;
    private static final int NEGATIVE = 0x4000;
    private static final int NAN = 0xC000;
    private static final int PLUS_INFINITY = 0xD000;
    private static final int MINUS_INFINITY = 0xF000;

    private NumericEncoding() {
    }

    /** NaN, Infinity or -Infinity, which numeric holds (infinities since PostgreSQL 14) and BigDecimal cannot. */
    static void writeSpecial(double value, BinaryRowBuffer out) {
        out.int32(8);
        out.int16(0);
        out.int16(0);
        out.int16(Double.isNaN(value) ? NAN : value > 0 ? PLUS_INFINITY : MINUS_INFINITY);
        out.int16(0);
    }

    static void write(BigDecimal value, BinaryRowBuffer out) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        String digits = v.unscaledValue().abs().toString();
        int scale = v.scale();
        int intLen = digits.length() - scale;
        String intPart = intLen > 0 ? digits.substring(0, intLen) : "";
        String fracPart = intLen > 0 ? digits.substring(intLen) : "0".repeat(-intLen) + digits;
        intPart = "0".repeat((4 - intPart.length() % 4) % 4) + intPart;
        fracPart = fracPart + "0".repeat((4 - fracPart.length() % 4) % 4);
        String all = intPart + fracPart;
        List<Integer> groups = new ArrayList<>();
        for (int i = 0; i < all.length(); i += 4) {
            groups.add(Integer.parseInt(all.substring(i, i + 4)));
        }
        int weight = intPart.length() / 4 - 1;
        int first = 0;
        while (first < groups.size() && groups.get(first) == 0) {
            first++;
            weight--;
        }
        int last = groups.size();
        while (last > first && groups.get(last - 1) == 0) {
            last--;
        }
        int n = last - first;
        if (n == 0) {
            weight = 0;
        }
        out.int32(8 + 2 * n);
        out.int16(n);
        out.int16(weight);
        out.int16(v.signum() < 0 ? NEGATIVE : POSITIVE);
        out.int16(scale);
        for (int i = first; i < last; i++) {
            out.int16(groups.get(i));
        }
    }
}
