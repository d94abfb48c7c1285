package dev.ferry.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.sample.SampleLoader;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The nightly parity check on real PostgreSQL: stored, counted, and alerting on a mismatch. */
class ParityCheckIT {
    @Test
    void recordsParityThenAlertsOnAMismatch() throws Exception {
        String source = TestPostgres.newDatabase("parity_src");
        try (Connection c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 4, 20);
        }
        String target = TestPostgres.newDatabase("parity_tgt");
        Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());

        InMemoryMetricReader metrics = InMemoryMetricReader.create();
        Telemetry telemetry = new Telemetry(OpenTelemetrySdk.builder()
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build()).build());
        Map<String, String> settings = Map.of(ParityCheck.SOURCE, source, ParityCheck.TARGET, target, ParityCheck.RECHECK_SECONDS, "1");
        List<String> alerts = new ArrayList<>();
        ParityCheck check = new ParityCheck(settings::get, telemetry, line -> { }, alerts::add);

        assertThat(check.run().parity()).isTrue();
        assertThat(alerts).isEmpty();

        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("DELETE FROM \"Session\" WHERE id = (SELECT min(id) FROM \"Session\")");
        }
        ValidationReport mismatch = check.run();
        assertThat(mismatch.parity()).isFalse();
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a).contains("MISMATCH").contains("public.Session").contains("MISSING"));
        assertThat(Migrations.count(target, "ferry.parity_check")).isEqualTo(2);
        assertThat(Migrations.count(target, "ferry.parity_check WHERE result = 'MISMATCH' AND mismatched_tables = 1")).isEqualTo(1);

        MetricData checks = metrics.collectAllMetrics().stream().filter(m -> m.getName().equals("ferry.parity.checks"))
                .findFirst().orElseThrow();
        assertThat(checks.getLongSumData().getPoints()).extracting(p -> p.getAttributes().get(Telemetry.RESULT) + "=" + p.getValue())
                .containsExactlyInAnyOrder("PARITY=1", "MISMATCH=1");
    }

    @Test
    void theNightlyWorkloadRecordsP95PerQueryAndAlertsOnADifference() throws Exception {
        String source = TestPostgres.newDatabase("nightly_src");
        try (Connection c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 4, 10);
        }
        String target = TestPostgres.newDatabase("nightly_tgt");
        Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("UPDATE \"Organization\" SET name = 'renamed' WHERE id = (SELECT min(id) FROM \"Organization\")");
        }
        InMemoryMetricReader metrics = InMemoryMetricReader.create();
        Telemetry telemetry = new Telemetry(OpenTelemetrySdk.builder()
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build()).build());
        String workload = """
                queries:
                  - name: users
                    sql: SELECT id, email FROM "User"
                    budgetMillis: 60000
                  - name: organizations
                    sql: SELECT id, name FROM "Organization"
                """;
        Map<String, String> settings = Map.of(ParityCheck.SOURCE, source, ParityCheck.TARGET, target, ParityCheck.RECHECK_SECONDS, "1",
                WorkloadCheck.WORKLOAD, workload, WorkloadCheck.RUNS, "2");
        List<String> alerts = new ArrayList<>();
        new ParityCheck(settings::get, telemetry, line -> { }, alerts::add).run();

        assertThat(alerts).anySatisfy(a -> assertThat(a).startsWith("Ferry workload check: DIFFERENT").contains("organizations")
                .contains("name=renamed"));
        var all = metrics.collectAllMetrics();
        MetricData p95 = all.stream().filter(m -> m.getName().equals("ferry.query.p95")).findFirst().orElseThrow();
        assertThat(p95.getHistogramData().getPoints()).extracting(p -> p.getAttributes().get(Telemetry.QUERY) + "/"
                + p.getAttributes().get(Telemetry.SIDE)).containsExactlyInAnyOrder("users/source", "users/target",
                "organizations/source", "organizations/target");
        MetricData budget = all.stream().filter(m -> m.getName().equals("ferry.query.budget")).findFirst().orElseThrow();
        assertThat(budget.getHistogramData().getPoints()).extracting(p -> p.getAttributes().get(Telemetry.QUERY) + "=" + p.getMax())
                .containsExactlyInAnyOrder("users=60000.0", "organizations=200.0");
        MetricData checks = all.stream().filter(m -> m.getName().equals("ferry.query.checks")).findFirst().orElseThrow();
        assertThat(checks.getLongSumData().getPoints()).extracting(p -> p.getAttributes().get(Telemetry.QUERY) + "="
                + p.getAttributes().get(Telemetry.RESULT)).contains("organizations=DIFFERENT");
    }

    @Test
    void aMissingSettingIsNamed() {
        ParityCheck check = new ParityCheck(Map.of(ParityCheck.SOURCE, "jdbc:postgresql://x/y")::get,
                new Telemetry(io.opentelemetry.api.OpenTelemetry.noop()), line -> { }, line -> { });
        org.assertj.core.api.Assertions.assertThatThrownBy(check::run).hasMessageContaining(ParityCheck.TARGET);
    }
}
