package dev.ferry.engine.destination;

import static dev.ferry.engine.destination.CodecErrors.assertRefused;
import static dev.ferry.engine.destination.CopyFrame.int32;
import static dev.ferry.engine.destination.CopyFrame.int64;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The binary COPY encoders of date, timestamp, timestamptz and time: days and microseconds since
 * PostgreSQL's epoch 2000-01-01, exact at PostgreSQL's first and last values (the expected figures
 * are PostgreSQL's own constants, not computed here), values outside its range refused, finer
 * fractions rounded to the column's digits and counted (issue 18.6).
 */
class ColumnCodecsTemporalTest {
    /** PostgreSQL's MIN_TIMESTAMP (4714-11-24 00:00 BC) and END_TIMESTAMP - 1 (294276-12-31 23:59:59.999999), datatype/timestamp.h. */
    private static final long MIN_TIMESTAMP = -211_813_488_000_000_000L;
    private static final long MAX_TIMESTAMP = 9_223_371_331_200_000_000L - 1;
    private static final long DAY = 86_400_000_000L;
    private static CopyFrame frame;

    @BeforeAll
    static void open() throws SQLException {
        frame = new CopyFrame();
    }

    @AfterAll
    static void close() throws SQLException {
        frame.close();
    }

    /** Expected days: Julian day minus 2451545 (2000-01-01); PostgreSQL's dates run from Julian day 0 to 5874897-12-31. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "DATE '2000-01-01', 0",
        "DATE '1999-12-31', -1",
        "DATE '1970-01-01', -10957",
        "DATE '0001-01-01', -730119",
        "DATE '9999-12-31', 2921939",
        "DATE '-4713-11-24', -2451545",
        "DATE '5874897-12-31', 2145031948",
    })
    void aDateIsDaysSince2000FromPostgresFirstToLastDay(String sql, int days) throws SQLException {
        assertThat(frame.field("date", sql)).isEqualTo(int32(days));
    }

    @ParameterizedTest
    @CsvSource({"DATE '-4713-11-23'", "DATE '5874898-01-01'", "DATE '-100000-01-01'"})
    void aDateOutsidePostgresRangeIsRefused(String sql) {
        assertRefused(() -> frame.field("date", sql), "is outside PostgreSQL's range (4714-11-24 BC to 5874897-12-31)");
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', textBlock = """
            timestamp                   | TIMESTAMP '2000-01-01 00:00:00'                          | 0
            timestamp without time zone | TIMESTAMP '2000-01-01 00:00:01.5'                        | 1500000
            timestamp(6)                | TIMESTAMP '1999-12-31 23:59:59.999999'                   | -1
            timestamp                   | TIMESTAMP '1970-01-01 00:00:00'                          | -946684800000000
            timestamp                   | TIMESTAMP '-4713-11-24 00:00:00'                         | -211813488000000000
            timestamp                   | TIMESTAMP '294276-12-31 23:59:59.999999'                 | 9223371331199999999
            timestamptz                 | TIMESTAMP WITH TIME ZONE '2000-01-01 02:00:00+02:00'     | 0
            timestamp with time zone    | TIMESTAMP WITH TIME ZONE '1999-12-31 19:00:00-05:00'     | 0
            timestamptz(3)              | TIMESTAMP WITH TIME ZONE '2000-01-01 14:00:00.001+14:00' | 1000
            """)
    void aTimestampIsMicrosecondsSince2000InUtc(String type, String sql, long micros) throws SQLException {
        assertThat(frame.field(type, sql)).isEqualTo(int64(micros));
        assertThat(frame.counters().rounded()).as("an exact value is not counted as rounded").isEmpty();
    }

    @Test
    void postgresFirstAndLastTimestampsAreItsOwnConstants() throws SQLException {
        assertThat(frame.field("timestamp", "TIMESTAMP '-4713-11-24 00:00:00'")).isEqualTo(int64(MIN_TIMESTAMP));
        assertThat(frame.field("timestamp", "TIMESTAMP '294276-12-31 23:59:59.999999'")).isEqualTo(int64(MAX_TIMESTAMP));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', textBlock = """
            timestamp(6)   | CAST(TIMESTAMP '2000-01-01 00:00:00.1234565' AS TIMESTAMP(9))  | 123457
            timestamp      | CAST(TIMESTAMP '2000-01-01 00:00:00.1234564' AS TIMESTAMP(9))  | 123456
            timestamp(3)   | TIMESTAMP '2000-01-01 00:00:00.123456'                         | 123000
            timestamp(3)   | TIMESTAMP '2000-01-01 00:00:00.1235'                           | 124000
            timestamp(0)   | TIMESTAMP '2000-01-01 00:00:00.5'                              | 1000000
            timestamp(0)   | TIMESTAMP '1999-12-31 23:59:59.4'                              | -1000000
            timestamptz(6) | CAST(TIMESTAMP WITH TIME ZONE '2000-01-01 13:59:59.9999996+14:00' AS TIMESTAMP(9) WITH TIME ZONE) | 0
            timestamp(6)   | CAST(TIMESTAMP '294276-12-31 23:59:59.9999995' AS TIMESTAMP(9)) | 9223371331199999999
            """)
    void aFinerFractionIsRoundedToTheColumnDigitsAndCounted(String type, String sql, long micros) throws SQLException {
        assertThat(frame.field(type, sql)).isEqualTo(int64(micros));
        assertThat(frame.counters().rounded()).isEqualTo(Map.of("Amount", 1L));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', textBlock = """
            timestamp   | TIMESTAMP '-4713-11-23 23:59:59.999999'
            timestamp   | TIMESTAMP '294277-01-01 00:00:00'
            timestamptz | TIMESTAMP WITH TIME ZONE '294276-12-31 23:00:00-02:00'
            """)
    void aTimestampOutsidePostgresRangeIsRefused(String type, String sql) {
        assertRefused(() -> frame.field(type, sql), "is outside PostgreSQL's range (4714-11-24 00:00 BC to 294276-12-31 23:59:59.999999)");
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', textBlock = """
            time                   | TIME '00:00:00'                                  | 0
            time without time zone | TIME '23:59:59.999999'                           | 86399999999
            time(6)                | CAST('24:00:00' AS VARCHAR)                      | 86400000000
            time                   | CAST(' 24:00:00.000000 ' AS VARCHAR)             | 86400000000
            time(3)                | TIME '12:34:56.789'                              | 45296789000
            """)
    void aTimeIsMicrosecondsSinceMidnightUpTo2400(String type, String sql, long micros) throws SQLException {
        assertThat(frame.field(type, sql)).isEqualTo(int64(micros));
        assertThat(frame.counters().rounded()).isEmpty();
    }

    @Test
    void aTimeIsRoundedToItsDigitsButNeverCarriedInto2400() throws SQLException {
        assertThat(frame.field("time(0)", "CAST(TIME '10:00:00.5' AS TIME(9))")).isEqualTo(int64(36_001_000_000L));
        assertThat(frame.counters().rounded()).isEqualTo(Map.of("Amount", 1L));
        assertThat(frame.field("time", "CAST(TIME '23:59:59.9999995' AS TIME(9))")).isEqualTo(int64(DAY - 1));
        assertThat(frame.counters().rounded()).isEqualTo(Map.of("Amount", 1L));
    }

    @Test
    void textThatIsNotATimeOfDayIsRefused() {
        assertRefused(() -> frame.field("time", "'noon'"), "'noon' is not a time of day");
        assertRefused(() -> frame.field("time", "'24:00:00.000001'"), "'24:00:00.000001' is not a time of day");
        assertRefused(() -> frame.field("time", "'25:00:00'"), "is not a time of day");
    }

    @Test
    void nullIsLengthMinusOneForEveryTemporalType() throws SQLException {
        assertThat(frame.field("date", "CAST(NULL AS DATE)")).isNull();
        assertThat(frame.field("timestamp", "CAST(NULL AS TIMESTAMP)")).isNull();
        assertThat(frame.field("timestamptz", "CAST(NULL AS TIMESTAMP WITH TIME ZONE)")).isNull();
        assertThat(frame.field("time", "CAST(NULL AS TIME)")).isNull();
    }
}
