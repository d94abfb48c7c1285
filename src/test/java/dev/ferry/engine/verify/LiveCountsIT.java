package dev.ferry.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.plan.Planner;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.verify.ValidationReport.TableResult;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.11: on a live database the rows differing in a table are found by a second read; the
 * table's row counts are reported from that same read, so "source", "target", "missing" and
 * "extra" describe one moment (they came from two: {@code source 47985}, {@code extra 19}). The
 * target here gains two rows between the first and the second read.
 */
class LiveCountsIT {
    @Test
    void rowCountsComeFromTheReadThatFoundTheDifferences() throws Exception {
        String source = TestPostgres.newDatabase("live_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id integer PRIMARY KEY, v text); INSERT INTO t SELECT i, 'v' || i FROM generate_series(1, 10) i");
        }
        String target = TestPostgres.newDatabase("live_tgt");
        Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("DELETE FROM t WHERE id = 4");
        }
        TargetSchema schema;
        try (Connection c = TestPostgres.connect(source)) {
            schema = new Planner(new PostgresDialect(), MigrationConfig.defaults()).plan(c, source).schema();
        }
        AtomicInteger opened = new AtomicInteger();
        Supplier<Connection> targetGainingRows = () -> {
            try {
                Connection c = TestPostgres.connect(target);
                // the fifth connection is the second read of t (after schema parity, the column probe, the probe of
                // its longest value (issue 15.5) and the first read)
                if (opened.incrementAndGet() == 5) {
                    try (Statement st = c.createStatement()) {
                        st.execute("INSERT INTO t VALUES (11, 'new'), (12, 'new')");
                    }
                }
                return c;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };

        TableResult t = new Validator(new PostgresDialect(), ValidationOptions.of(ValidationLevel.HASH, ValuePolicy.strict()))
                .validate(schema, Migrations.connections(source), targetGainingRows, x -> true).tables().get(0);

        assertThat(opened.get()).as("schema, column probe, longest-value probe, first read, second read").isEqualTo(5);
        assertThat(t.missing()).isEqualTo(1);
        assertThat(t.extra()).isEqualTo(2);
        assertThat(t.sourceRows()).isEqualTo(10);
        assertThat(t.targetRows()).as("the target's rows at the read that found 1 missing and 2 extra").isEqualTo(11);
    }
}
