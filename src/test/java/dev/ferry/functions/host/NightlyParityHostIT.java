package dev.ferry.functions.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.functions.ParityCheck;
import dev.ferry.sample.SampleLoader;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The staged timer function NightlyParityCheck as the host fires it: bound through the worker's rules
 * (timer payload and ExecutionContext), in a worker process whose environment holds the app settings,
 * against a migrated target on embedded PostgreSQL.
 */
class NightlyParityHostIT {
    /** The timer binding's value the host sends. */
    private static final String TIMER = "{\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":null,\"IsPastDue\":false}";

    @Test
    void theTimerFunctionRecordsParityThenAlertsOnAMismatch() throws Exception {
        StagedApp.StagedFunction f = StagedApp.load().function("NightlyParityCheck");
        assertThat(f.trigger().type()).isEqualTo("timerTrigger");
        String source = TestPostgres.newDatabase("nightly_src");
        try (Connection c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 7, 10);
        }
        String target = TestPostgres.newDatabase("nightly_tgt");
        Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        Map<String, String> settings = Map.of(ParityCheck.SOURCE, source, ParityCheck.TARGET, target, ParityCheck.RECHECK_SECONDS, "0");

        WorkerProcess.Result parity = WorkerProcess.invoke("NightlyParityCheck", TIMER, settings, 60);
        assertThat(parity.exitCode()).as(parity.output()).isZero();
        assertThat(parity.output()).contains("INFO Ferry parity check: PARITY").contains("RESULT DROPPED"); // a void function sends no return value

        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("DELETE FROM \"Session\" WHERE id = (SELECT min(id) FROM \"Session\")");
        }
        WorkerProcess.Result mismatch = WorkerProcess.invoke("NightlyParityCheck", TIMER, settings, 60);
        assertThat(mismatch.exitCode()).as(mismatch.output()).isZero();
        assertThat(mismatch.output()).contains("SEVERE Ferry parity check: MISMATCH").contains("public.Session");
        assertThat(Migrations.count(target, "ferry.parity_check WHERE result = 'MISMATCH'")).isEqualTo(1);
        assertThat(Migrations.count(target, "ferry.parity_check WHERE result = 'PARITY'")).isEqualTo(1);

        WorkerProcess.Result unset = WorkerProcess.invoke("NightlyParityCheck", TIMER, Map.of(ParityCheck.TARGET, target), 60);
        assertThat(unset.exitCode()).isEqualTo(1);
        assertThat(unset.output()).contains("app setting " + ParityCheck.SOURCE + " is missing");
    }
}
