package dev.ferry.engine.source;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A sampling percentage as a SQL numeric literal: plain decimal digits, whatever the locale. */
public final class SamplePercent {
    private SamplePercent() {
    }

    /** {@code percent} clamped to (0, 100], with four decimals ({@code 0.0001} at least). */
    public static String literal(double percent) {
        if (Double.isNaN(percent)) {
            throw new IllegalArgumentException("sampling percentage is not a number");
        }
        double clamped = Math.min(100.0, Math.max(0.0001, percent));
        return BigDecimal.valueOf(clamped).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }
}
