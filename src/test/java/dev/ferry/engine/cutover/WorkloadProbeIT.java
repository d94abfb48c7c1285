package dev.ferry.engine.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.queries.WorkloadLoader;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workload as the health window's probe: a p95 over budget or a failing query fails the window (issue 16). */
class WorkloadProbeIT {
    @Test
    void aQueryOverItsBudgetFailsTheProbeOnceJudgedAndTheWindowWithIt() throws Exception {
        String target = TestPostgres.newDatabase("probe_tgt");
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE \"Contact\" AS SELECT g AS id, 'c' || g || '@example.com' AS email FROM generate_series(1, 50000) g");
            st.execute("ANALYZE \"Contact\"");
        }
        WorkloadProbe probe = new WorkloadProbe(Migrations.connections(target), WorkloadLoader.parse("""
                queries:
                  - name: fast-enough
                    sql: SELECT 1
                    budgetMillis: 10000
                  - name: contact-by-email
                    sql: SELECT id FROM "Contact" WHERE email = ?
                    params: [["c49999@example.com"]]
                    budgetMillis: 1
                """, "test"));
        List<HealthProbe.Result> results = new ArrayList<>();
        for (int i = 1; i < WorkloadProbe.MIN_SAMPLES; i++) {
            results.add(probe.probe());
        }
        assertThat(results).allSatisfy(r -> assertThat(r.ok()).as(r.message()).isTrue());
        results.add(probe.probe());
        results.add(probe.probe());
        HealthProbe.Result last = results.get(results.size() - 1);
        assertThat(last.ok()).isFalse();
        assertThat(last.probe()).isEqualTo("workload");
        assertThat(last.message()).startsWith("query contact-by-email p95 ").endsWith("ms is over its budget of 1 ms")
                .doesNotContain("fast-enough");
        assertThat(HealthVerdict.unhealthy(results, 0.5, 60_000)).get().asString()
                .contains("probe workload failed 2 times in a row").contains("contact-by-email");
    }

    @Test
    void aFailingQueryFailsTheProbeAtOnceNamingIt() {
        String target = TestPostgres.newDatabase("probe_err");
        WorkloadProbe probe = new WorkloadProbe(Migrations.connections(target), WorkloadLoader.parse("""
                queries:
                  - name: missing-table
                    sql: SELECT * FROM "NoSuchTable"
                """, "test"));
        HealthProbe.Result r = probe.probe();
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).startsWith("query missing-table failed: ").contains("NoSuchTable");
    }
}
