package dev.ferry.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12.2: temporal chunk bounds. BC timestamps and dates, years past 9999, ±infinity,
 * {@code time} keys up to 24:00 (issue 14) and {@code timestamptz} keys an hour apart across a DST fall-back (the JVM, and so the sessions, in
 * America/New_York) — each key a chunk bound, every row arrives exactly once.
 */
class TemporalKeysIT {
    private static final String SOURCE_DDL = """
            CREATE TABLE ts_key (k timestamp PRIMARY KEY, n integer);
            INSERT INTO ts_key VALUES ('-infinity', 1), ('4713-01-01 00:00:00 BC', 2), ('4713-06-01 12:00:00.5 BC', 3),
                ('0001-12-31 23:59:59.999999 BC', 4), ('0001-01-01 00:00:00', 5), ('1582-10-04 00:00', 6), ('1582-10-15 00:00', 7),
                ('2024-11-03 01:30:00', 8), ('9999-12-31 23:59:59.999999', 9), ('10000-01-01 00:00', 10),
                ('12345-06-07 01:02:03', 11), ('294276-12-31 23:59:59.999999', 12), ('infinity', 13), ('1969-12-31 23:59:59.999999', 14);
            CREATE TABLE date_key (k date PRIMARY KEY, n integer);
            INSERT INTO date_key VALUES ('-infinity', 1), ('4714-11-24 BC', 2), ('4713-01-01 BC', 3), ('0001-01-01 BC', 4),
                ('0001-01-01', 5), ('1582-10-04', 6), ('1582-10-15', 7), ('9999-12-31', 8), ('10000-01-01', 9), ('5874897-12-31', 10),
                ('infinity', 11);
            CREATE TABLE tz_key (k timestamptz PRIMARY KEY, n integer);
            INSERT INTO tz_key VALUES ('-infinity', 1), ('4713-01-01 00:00:00+00 BC', 2), ('2024-11-03 00:30:00-04', 3),
                ('2024-11-03 01:00:00-04', 4), ('2024-11-03 01:30:00-04', 5), ('2024-11-03 01:00:00-05', 6), ('2024-11-03 01:30:00-05', 7),
                ('2024-11-03 02:00:00-05', 8), ('2024-03-10 01:59:59.999999-05', 9), ('2024-03-10 03:00:00-04', 10),
                ('12345-06-07 01:02:03+00', 11), ('294276-12-31 23:59:59.999999+00', 12), ('infinity', 13);
            CREATE TABLE time_key (k time PRIMARY KEY, n integer);
            INSERT INTO time_key VALUES ('00:00', 1), ('00:00:00.000001', 2), ('01:30:00', 3), ('02:30:00.5', 4),
                ('12:00:00.123456', 5), ('23:59:59.999999', 6), ('24:00:00', 7);
            CREATE TABLE ts_pair (d date, t timestamp, n integer, PRIMARY KEY (d, t));
            INSERT INTO ts_pair SELECT d.k, t.k, d.n * 100 + t.n FROM date_key d, ts_key t WHERE (d.n + t.n) % 3 = 0;
            """;
    private static final String[][] TABLES = {{"ts_key", "k"}, {"date_key", "k"}, {"tz_key", "k"}, {"time_key", "k"}, {"ts_pair", "d, t"}};

    private TimeZone before;

    @BeforeEach
    void jvmInADstZone() {
        before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    }

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(before);
    }

    @ParameterizedTest(name = "row copy: {0}")
    @ValueSource(booleans = {false, true})
    void everyTemporalKeyIsAnExactChunkBound(boolean rowCopy) throws Exception {
        String source = TestPostgres.newDatabase("temporal_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute(SOURCE_DDL);
        }
        String target = TestPostgres.newDatabase("temporal_tgt");

        MigrationRunner.Result r = Migrations.run(source, target, MigrationConfig.defaults(),
                Migrations.small().withChunkRows(1).withRowCopy(rowCopy));

        for (String[] t : TABLES) {
            assertThat(Migrations.fingerprint(target, t[0], t[1])).as(t[0]).isEqualTo(Migrations.fingerprint(source, t[0], t[1]));
        }
        assertThat(r.report().tables()).filteredOn(t -> t.source().equals("public.tz_key")).singleElement()
                .satisfies(t -> assertThat(t.chunks()).as("a bound on every key").isEqualTo(14));
        // issue 14: a time key was read as java.sql.Time, which no chunk bound can journal
        assertThat(r.report().tables()).filteredOn(t -> t.source().equals("public.time_key")).singleElement()
                .satisfies(t -> assertThat(t.chunks()).as("a bound on every time key").isEqualTo(8));
        assertThat(Migrations.count(target, "ferry.chunk WHERE status <> 'done'")).isZero();
    }
}
