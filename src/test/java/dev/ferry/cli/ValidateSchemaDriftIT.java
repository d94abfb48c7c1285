package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12.10: a column dropped on the target is a difference to report (exit 1, naming the
 * column), not a failure to validate (exit 2, {@code column "e" does not exist}) — with
 * {@code --tables} naming that table alone, or with every table.
 */
class ValidateSchemaDriftIT {
    @ParameterizedTest(name = "--tables {0}")
    @ValueSource(strings = {"t", "t,u", ""})
    void aColumnDroppedOnTheTargetIsReportedAsAMismatch(String tables, @TempDir Path dir) throws Exception {
        String source = TestPostgres.newDatabase("drift_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id integer PRIMARY KEY, d text, e text); INSERT INTO t VALUES (1, 'a', 'x'), (2, 'b', 'y');"
                    + "CREATE TABLE u (id integer PRIMARY KEY); INSERT INTO u VALUES (1)");
        }
        String target = TestPostgres.newDatabase("drift_tgt");
        PlanCommandIT.Run migrate = PlanCommandIT.ferry("migrate", "--source", source, "--target", target, "--out",
                dir.resolve("run").toString());
        assertThat(migrate.exit()).as(migrate.err() + migrate.out()).isZero();
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE t DROP COLUMN e");
        }

        PlanCommandIT.Run v = tables.isEmpty()
                ? PlanCommandIT.ferry("validate", "--source", source, "--target", target, "--report", dir.resolve("v.json").toString())
                : PlanCommandIT.ferry("validate", "--source", source, "--target", target, "--tables", tables,
                        "--report", dir.resolve("v.json").toString());

        assertThat(v.exit()).as(v.err() + v.out()).isEqualTo(1);
        assertThat(v.out()).contains("column public.t.e is missing").contains("MISMATCH");
    }
}
