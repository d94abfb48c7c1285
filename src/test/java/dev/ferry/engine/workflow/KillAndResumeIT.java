package dev.ferry.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.sample.SampleDatabase;
import dev.ferry.sample.SampleLoader;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import dev.ferry.support.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a copy, then the same command again: the second run resumes,
 * copies only the chunks that were not done, and every table ends equal to the source with no
 * duplicates. Before the resume, the target holds exactly the rows of the chunks marked done.
 */
class KillAndResumeIT {
    @Test
    void aKilledRunResumesWithNothingLostOrDoubled(@TempDir Path dir) throws Exception {
        String source = TestPostgres.newDatabase("kill_src");
        try (Connection c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 11, 2_000);
        }
        String target = TestPostgres.newDatabase("kill_tgt");
        Process ferry = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"), "dev.ferry.cli.FerryCommand",
                "migrate", "--source", source, "--target", target, "--chunk-rows", "50", "--workers", "2",
                "--copy-mode", "rows", "--no-validate", "--out", dir.resolve("first").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
        long done = waitForDoneChunks(target, 40, ferry);
        ferry.destroyForcibly();
        assertThat(ferry.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ferry.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        long chunks = Migrations.count(target, "ferry.chunk");
        long doneNow = Migrations.count(target, "ferry.chunk WHERE status = 'done'");
        assertThat(doneNow).as("killed mid-copy (log: " + Files.readString(dir.resolve("first.log")) + ")")
                .isGreaterThanOrEqualTo(done).isLessThan(chunks);
        assertThat(targetRows(target)).as("exactly the rows of the chunks marked done").isEqualTo(sumDoneRows(target));

        MigrationRunner.Result resumed = Migrations.run(source, target, MigrationConfig.defaults(),
                Migrations.small().withChunkRows(50).withRowCopy(true));
        assertThat(resumed.resumed()).isTrue();
        for (String table : SampleDatabase.TABLES) {
            String order = table.equals("VerificationToken") ? "token" : "id";
            assertThat(Migrations.fingerprint(target, "\"" + table + "\"", order)).as(table)
                    .isEqualTo(Migrations.fingerprint(source, "\"" + table + "\"", order));
        }
        assertThat(Migrations.count(target, "ferry.chunk WHERE status <> 'done'")).isZero();
        assertThat(Migrations.count(target, "ferry.run WHERE status = 'done'")).isEqualTo(1);
    }

    private static long waitForDoneChunks(String target, int atLeast, Process ferry) {
        Waits.until("the first run to journal " + atLeast + " done chunks (or to exit)",
                () -> !ferry.isAlive() || doneChunks(target) >= atLeast);
        long n = doneChunks(target);
        if (n < atLeast) {
            throw new AssertionError("the first run exited (" + ferry.exitValue() + ") after only " + n + " done chunks");
        }
        return n;
    }

    private static long doneChunks(String target) {
        try {
            return Migrations.count(target, "ferry.chunk WHERE status = 'done'");
        } catch (java.sql.SQLException notYet) {
            return 0; // the journal does not exist yet
        }
    }

    private static long targetRows(String target) throws Exception {
        long sum = 0;
        for (String t : SampleDatabase.TABLES) {
            sum += Migrations.count(target, "\"" + t + "\"");
        }
        return sum;
    }

    private static long sumDoneRows(String target) throws Exception {
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(rows) FROM ferry.chunk WHERE status = 'done'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
