package dev.ferry.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.copy.CopyProgress;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, done when: {@code ferry migrate} of one source holding the issue's cases together —
 * hostile keys and names, BC/far-future/infinite and DST timestamps, NaN and infinities, float keys,
 * GENERATED ALWAYS identity, deferrable foreign keys, NULLS LAST — with its own validation on,
 * ends at hash parity with every schema property equal.
 */
class AdversarialSourceIT {
    private static final String DDL = """
            CREATE TABLE "T""a'b;c ?$1\\d" ("id?" text COLLATE "C" PRIMARY KEY, "v$1" text);
            CREATE TABLE stamp (k timestamptz PRIMARY KEY, t timestamp, d date);
            INSERT INTO stamp VALUES ('-infinity', '4713-01-01 BC', '4714-11-24 BC'), ('4713-01-01 00:00:00+00 BC', '-infinity', '0001-01-01 BC'),
                ('2024-11-03 01:30:00-04', '12345-06-07 01:02:03', '5874897-12-31'), ('2024-11-03 01:30:00-05', 'infinity', 'infinity'),
                ('infinity', '294276-12-31 23:59:59.999999', NULL);
            CREATE TABLE measure (k float8 PRIMARY KEY, v numeric, w real);
            INSERT INTO measure VALUES ('-Infinity', 'NaN', 'NaN'), (4.9e-324, 'Infinity', '-Infinity'), (0.1, '-Infinity', 0.1), ('NaN', 1.5, NULL);
            CREATE TABLE owner (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, rank integer);
            CREATE INDEX owner_rank_idx ON owner (rank DESC NULLS LAST);
            CREATE TABLE pet (id integer PRIMARY KEY, owner_id integer REFERENCES owner DEFERRABLE INITIALLY DEFERRED);
            INSERT INTO owner (rank) SELECT CASE WHEN i % 3 = 0 THEN NULL ELSE i END FROM generate_series(1, 9) i;
            INSERT INTO pet SELECT i, 1 + i % 9 FROM generate_series(1, 9) i;
            """;

    @Test
    void theIssuesCasesTogetherReachHashParity() throws Exception {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try {
            String source = TestPostgres.newDatabase("adversarial_src");
            try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
                st.execute(DDL);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"T\"\"a'b;c ?$1\\d\" VALUES (?, ?)")) {
                    for (String k : HostileKeysIT.keys()) {
                        ps.setString(1, k);
                        ps.setString(2, k + "?");
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            String target = TestPostgres.newDatabase("adversarial_tgt");
            MigrationRunner.Result r = new MigrationRunner(new JdbcConnector("source", source, null),
                    new JdbcConnector("target", target, null), MigrationConfig.defaults(),
                    dev.ferry.support.Migrations.small().withChunkRows(2).withValidate(true), CopyProgress.NONE, line -> { }).run();

            ValidationReport v = r.validation();
            assertThat(v).isNotNull();
            assertThat(v.result()).as(v.summary()).isEqualTo(ValidationReport.Verdict.PARITY);
            assertThat(v.schema().differences()).isEmpty();
            assertThat(v.tables()).hasSize(5).allMatch(ValidationReport.TableResult::equal);
            assertThat(r.succeeded()).isTrue();
            assertThat(List.of(v.schema().counts().get("indexes"), v.schema().counts().get("foreign keys"))).containsExactly("1 of 1", "1 of 1");
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
