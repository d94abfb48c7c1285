package dev.ferry.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL → PostgreSQL with composite, string and uuid keys and tables without a primary key,
 * through both copy paths; every table's rows are compared as text in key order on both sides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCopyIT {
    private static final String SOURCE_DDL = """
            CREATE TABLE line (order_no integer, line_no smallint, sku text, qty numeric(12,3), PRIMARY KEY (order_no, line_no));
            INSERT INTO line SELECT o, l, 'sku-' || (o * l), (o * l) / 7.0 FROM generate_series(1, 300) o, generate_series(1, 4) l;
            CREATE TABLE word (word text COLLATE "C" PRIMARY KEY, n integer);
            INSERT INTO word SELECT w, row_number() OVER () FROM (SELECT DISTINCT md5(i::text) || CASE WHEN i % 3 = 0 THEN 'Ä' ELSE 'a' END AS w
                FROM generate_series(1, 900) i) x;
            CREATE TABLE token (id uuid PRIMARY KEY, at timestamptz(3), payload bytea);
            INSERT INTO token SELECT md5(i::text)::uuid, timestamptz '2020-01-01' + i * interval '1 minute 1.234 second', decode(md5(i::text), 'hex')
                FROM generate_series(1, 700) i;
            CREATE TABLE log_entry (happened_at timestamp, message text, level smallint);
            INSERT INTO log_entry SELECT timestamp '2024-01-01' + (i % 50) * interval '1 hour', 'message ' || (i % 50), (i % 3)::smallint
                FROM generate_series(1, 400) i;
            CREATE TABLE keyed_by_unique (code text NOT NULL, region char(2) NOT NULL, label text, CONSTRAINT keyed_code UNIQUE (region, code));
            INSERT INTO keyed_by_unique SELECT 'c' || i, CASE WHEN i % 2 = 0 THEN 'NL' ELSE 'BE' END, NULL FROM generate_series(1, 500) i;
            """;
    private static final String[][] TABLES = {
            {"line", "order_no, line_no"}, {"word", "word COLLATE \"C\""}, {"token", "id"},
            {"log_entry", "happened_at, message, level"}, {"keyed_by_unique", "region, code"}};

    private String source;

    @BeforeAll
    void createSource() throws Exception {
        source = TestPostgres.newDatabase("pgcopy_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute(SOURCE_DDL);
        }
    }

    @ParameterizedTest(name = "row copy: {0}")
    @ValueSource(booleans = {false, true})
    void copiesEveryRowExactlyOnce(boolean rowCopy) throws Exception {
        String target = TestPostgres.newDatabase("pgcopy_tgt");
        MigrationRunner.Result r = Migrations.run(source, target, MigrationConfig.defaults(),
                Migrations.small().withRowCopy(rowCopy));
        for (String[] t : TABLES) {
            assertThat(Migrations.fingerprint(target, t[0], t[1])).as(t[0]).isEqualTo(Migrations.fingerprint(source, t[0], t[1]));
        }
        assertThat(r.report().tables()).filteredOn(t -> t.source().equals("public.line")).singleElement()
                .satisfies(t -> assertThat(t.chunks()).as("1200 rows, chunks of 100").isGreaterThanOrEqualTo(12));
        assertThat(r.report().tables()).filteredOn(t -> t.source().equals("public.log_entry")).singleElement()
                .satisfies(t -> assertThat(t.chunks()).as("no key: one chunk").isEqualTo(1));
        assertThat(r.report().tables()).filteredOn(t -> t.source().equals("public.keyed_by_unique")).singleElement()
                .satisfies(t -> assertThat(t.chunks()).as("unique NOT NULL key chunks it").isGreaterThan(1));
    }
}
