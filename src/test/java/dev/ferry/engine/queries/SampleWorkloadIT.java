package dev.ferry.engine.queries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.sample.SampleWorkload;
import dev.ferry.support.Migrations;
import dev.ferry.support.SampleSource;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample's workload, H2 in SQL Server mode to PostgreSQL: T-SQL and PostgreSQL texts answer alike (issue 16). */
class SampleWorkloadIT {
    @Test
    void theCrmWorkloadAnswersAlikeThenADifferentRowIsCaught() throws Exception {
        String source = SampleSource.create("workload", 40);
        String target = TestPostgres.newDatabase("workload_tgt");
        Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        Workload workload = SampleWorkload.load().withBudget(60_000);
        List<String> log = new ArrayList<>();
        try (Connection s = DriverManager.getConnection(source); Connection t = TestPostgres.connect(target)) {
            QueryReport report = new QueryRunner(s, t, 2, log::add).run(workload);
            assertThat(report.queries()).as(report.table()).extracting(QueryOutcome::status).containsOnly(QueryStatus.PASS);
            assertThat(report.queries()).hasSize(7);
            assertThat(report.queries()).as(report.table()).allSatisfy(q -> assertThat(q.rows()).isPositive());

            try (Statement st = t.createStatement()) {
                st.execute("UPDATE \"Interaction\" SET \"subject\" = 'edited on the target' WHERE \"id\" = (SELECT \"id\" FROM "
                        + "\"Interaction\" WHERE \"organizationId\" = 'org_1_dbd1e995' ORDER BY \"date\" DESC LIMIT 1)");
            }
            QueryReport after = new QueryRunner(s, t, 1, log::add).run(workload);
            QueryOutcome timeline = after.query("organization-timeline").orElseThrow();
            assertThat(timeline.status()).isEqualTo(QueryStatus.DIFFERENT);
            assertThat(timeline.difference().what()).startsWith("parameters [org_1_dbd1e995]: row 1 differs");
            assertThat(timeline.difference().targetRow()).contains("subject=edited on the target");
            assertThat(after.verdict()).isEqualTo(QueryReport.Verdict.DIFFERENT);
        }
    }
}
