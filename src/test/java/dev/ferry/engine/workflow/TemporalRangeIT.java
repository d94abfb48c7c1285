package dev.ferry.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12.7: the row path checks dates and timestamps against what PostgreSQL stores — its first
 * day 4714-11-24 BC, its last date 5874897-12-31, its last timestamp 294276-12-31 23:59:59.999999 —
 * and copies each of those extremes exactly (it refused 5874897-12-31 against the timestamp's limit).
 */
class TemporalRangeIT {
    private static final String SOURCE_DDL = """
            CREATE TABLE extremes (id integer PRIMARY KEY, d date, ts timestamp, tz timestamptz);
            INSERT INTO extremes VALUES
                (1, '4714-11-24 BC', '4714-11-24 00:00:00 BC', '4714-11-24 00:00:00+00 BC'),
                (2, '5874897-12-31', '294276-12-31 23:59:59.999999', '294276-12-31 23:59:59.999999+00'),
                (3, '0001-01-01 BC', '0001-12-31 23:59:59.999999 BC', '0001-01-01 00:00:00+00 BC'),
                (4, '10000-01-01', '10000-01-01 00:00:00', '10000-01-01 00:00:00+00'),
                (5, 'infinity', '-infinity', 'infinity'),
                (6, NULL, NULL, NULL);
            """;

    @ParameterizedTest(name = "row copy: {0}")
    @ValueSource(booleans = {false, true})
    void everyDateAndTimestampPostgresStoresIsCopiedExactly(boolean rowCopy) throws Exception {
        String source = TestPostgres.newDatabase("range_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute(SOURCE_DDL);
        }
        String target = TestPostgres.newDatabase("range_tgt");

        Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small().withRowCopy(rowCopy));

        assertThat(Migrations.fingerprint(target, "extremes", "id")).isEqualTo(Migrations.fingerprint(source, "extremes", "id"));
        assertThat(Migrations.count(target, "extremes WHERE d = '5874897-12-31' AND ts = '294276-12-31 23:59:59.999999'")).isOne();
        assertThat(Migrations.count(target, "extremes WHERE d = '4714-11-24 BC' AND ts = '4714-11-24 00:00:00 BC'")).isOne();
    }
}
