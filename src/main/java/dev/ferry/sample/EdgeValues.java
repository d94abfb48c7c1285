package dev.ferry.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * The values migrations get wrong, placed in the first rows of the sample so every run carries
 * them: characters outside the Basic Multilingual Plane, accents, CJK, quotes, line breaks and
 * tabs, trailing spaces, empty strings next to NULLs, the extreme decimals of each precision, the
 * first and last representable dates, and 7-digit fractional seconds.
 */
public final class EdgeValues {
    public static final List<String> TEXT = List.of(
            "emoji outside the BMP: \uD83D\uDE00 \uD83C\uDF5D \uD83E\uDD51",
            "accents: café, naïve, Zoë, Ångström, Øresund",
            "CJK: 北京市 東京都 서울특별시",
            "quotes: 'single' \"double\" `back` ’curly’",
            "line one\nline two\r\nline three",
            "tab\tseparated\tvalues",
            "trailing spaces   ",
            "",
            "backslashes \\ \\N \\\\ and a literal \\t",
            "delimiters , ; | \" and {braces}",
            "mathematical letters \uD835\uDD18\uD835\uDD2B\uD835\uDD26",
            "zero\u200Bwidth and combining e\u0301",
            " leading space");

    /** Largest and smallest of each decimal column's precision and scale, and the smallest steps. */
    public static final List<BigDecimal> DECIMAL_18_2 = decimals("9999999999999999.99", "0.01");
    public static final List<BigDecimal> DECIMAL_12_2 = decimals("9999999999.99", "0.01");
    public static final List<BigDecimal> DECIMAL_38_10 = decimals("9999999999999999999999999999.9999999999", "0.0000000001");
    public static final List<BigDecimal> DECIMAL_9_4 = decimals("99999.9999", "0.0001");
    public static final List<BigDecimal> MONEY = List.of(new BigDecimal("922337203685477.5807"),
            new BigDecimal("-922337203685477.5808"), new BigDecimal("0.0001"), BigDecimal.ZERO.setScale(4));
    public static final List<BigDecimal> SMALLMONEY = List.of(new BigDecimal("214748.3647"),
            new BigDecimal("-214748.3648"), new BigDecimal("0.0001"));

    public static final List<LocalDateTime> DATETIME2 = List.of(
            LocalDateTime.of(1, 1, 1, 0, 0),
            LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900),
            LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_700),
            LocalDateTime.of(2000, 1, 1, 0, 0, 0, 100),
            LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_500));
    public static final List<LocalDate> DATES = List.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
            LocalDate.of(2024, 2, 29));
    public static final List<LocalTime> TIMES = List.of(LocalTime.of(0, 0), LocalTime.of(23, 59, 59, 999_999_900),
            LocalTime.of(12, 0, 0, 100));
    public static final List<LocalDateTime> DATETIME = List.of(LocalDateTime.of(1753, 1, 1, 0, 0),
            LocalDateTime.of(9999, 12, 31, 23, 59, 59, 997_000_000));
    public static final List<LocalDateTime> SMALLDATETIME = List.of(LocalDateTime.of(1900, 1, 1, 0, 0),
            LocalDateTime.of(2079, 6, 6, 23, 59));
    public static final List<Double> FLOATS = List.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 0.1, -0.0);
    public static final List<Float> REALS = List.of(Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, 0.1f);
    public static final List<byte[]> BYTES = List.of(new byte[0], new byte[] {0, 0, 0}, new byte[] {(byte) 0xFF, 0, 0x7F, (byte) 0x80});

    private EdgeValues() {
    }

    private static List<BigDecimal> decimals(String max, String step) {
        BigDecimal m = new BigDecimal(max);
        BigDecimal s = new BigDecimal(step);
        return List.of(m, m.negate(), s, s.negate(), BigDecimal.ZERO.setScale(s.scale()));
    }
}
