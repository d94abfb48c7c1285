package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sample.SampleLoader;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line path of a cutover: ferry sync capture → ferry migrate → writes → ferry sync status → ferry cutover. */
class SyncAndCutoverCommandIT {
    @Test
    void captureMigrateCutOver(@TempDir Path dir) throws Exception {
        String source = TestPostgres.newDatabase("cli_cut_src");
        try (Connection c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 13, 10);
        }
        String target = TestPostgres.newDatabase("cli_cut_tgt");
        PlanCommandIT.Run capture = PlanCommandIT.ferry("sync", "capture", "--source", source, "--target", target);
        assertThat(capture.exit()).as(capture.err()).isZero();
        PlanCommandIT.Run migrate = PlanCommandIT.ferry("migrate", "--source", source, "--target", target, "--no-validate",
                "--out", dir.resolve("run").toString());
        assertThat(migrate.exit()).as(migrate.err()).isZero();
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('late', 'late', 'k', 'after the copy', now())");
        }
        PlanCommandIT.Run status = PlanCommandIT.ferry("sync", "status", "--source", source, "--target", target);
        assertThat(status.out()).contains("changes pending");
        Path routing = Files.writeString(dir.resolve("database-url"), source + "\n");
        PlanCommandIT.Run cutover = PlanCommandIT.ferry("cutover", "--source", source, "--target", target,
                "--routing-file", routing.toString(), "--window", "2s", "--report", dir.resolve("cutover.json").toString());
        assertThat(cutover.exit()).as(cutover.err() + cutover.out()).isZero();
        assertThat(cutover.out()).contains("Cutover COMPLETED").contains("writes frozen for");
        assertThat(Files.readString(routing).strip()).isEqualTo(target);
        assertThat(Migrations.count(target, "\"Setting\" WHERE id = 'late'")).isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("cutover.json").toFile());
        assertThat(report.path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(report.path("downtimeMillis").asLong()).isPositive();

        PlanCommandIT.Run release = PlanCommandIT.ferry("release", "--url", source);
        assertThat(release.exit()).as(release.err()).isZero();
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("UPDATE \"Setting\" SET label = 'writable after ferry release' WHERE id = 'late'");
        }
    }

    /** Issue 20: with no cutover running, rollback and approve say so, exit non-zero and leave no request for a later cutover. */
    @Test
    void rollbackAndApproveWithNoCutoverRunningSaySoAndLeaveNothingBehind() throws Exception {
        String target = TestPostgres.newDatabase("cli_nocut");
        PlanCommandIT.Run rollback = PlanCommandIT.ferry("rollback", "--target", target);
        assertThat(rollback.exit()).isEqualTo(2);
        assertThat(rollback.err()).contains("no cutover is running");
        PlanCommandIT.Run approve = PlanCommandIT.ferry("cutover", "approve", "--target", target);
        assertThat(approve.exit()).isEqualTo(2);
        assertThat(approve.err()).contains("no cutover is running");
        assertThat(Migrations.count(target, "pg_tables WHERE schemaname = 'ferry' AND tablename = 'cutover_request'"))
                .as("no request left for a later cutover").isZero();

        try (dev.ferry.engine.journal.AdvisoryLock running = dev.ferry.engine.cutover.CutoverLock.acquire(TestPostgres.connect(target))) {
            PlanCommandIT.Run asked = PlanCommandIT.ferry("rollback", "--target", target);
            assertThat(asked.exit()).as(asked.err()).isZero();
            assertThat(Migrations.count(target, "ferry.cutover_request WHERE kind = 'rollback'")).isEqualTo(1);
        }
    }
}
