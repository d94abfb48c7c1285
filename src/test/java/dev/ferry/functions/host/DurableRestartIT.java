package dev.ferry.functions.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.workflow.ActivityNames;
import dev.ferry.sample.SampleDatabase;
import dev.ferry.support.Migrations;
import dev.ferry.support.SampleSource;
import dev.ferry.support.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The host dies in the middle of a run from an H2 (SQL Server mode) source: a chunk copy has written
 * its rows but its result is lost. A new host over the same task hub replays every instance's
 * history through a fresh executor, delivers the lost chunk again, and the run ends at parity with
 * no row doubled and no non-determinism error.
 */
class DurableRestartIT {

    @Test
    void aHostRestartMidRunContinuesFromHistoryAndCopiesEveryRowOnce() throws Exception {
        String source = SampleSource.create("restart", 12);
        String target = TestPostgres.newDatabase("restart_tgt");
        try (DurableApp app = new DurableApp()) {
            String id = app.start("{\"source\": \"" + source + "\", \"target\": \"" + target + "\", \"workers\": 2, \"chunkRows\": 40,"
                    + " \"validate\": true}");
            DurableHost first = app.host();
            first.runUntil("five chunk copies", () -> first.runs(ActivityNames.COPY_CHUNK, "") == 5, 2_000);
            first.crashDuring(a -> a.name().equals(ActivityNames.COPY_CHUNK));
            assertThatThrownBy(() -> first.runUntil("the crash", () -> false, 100)).isInstanceOf(DurableHost.HostCrashedException.class);
            HubStore.ActivityItem lost = first.executed().get(first.executed().size() - 1);
            assertThat(app.phase(id)).isEqualTo("COPYING");

            DurableHost second = app.restart();
            JsonNode done = app.runToEnd(id, 5_000);
            assertThat(done.path("runtimeStatus").asText()).as(done + "\n" + second.trace()).isEqualTo("COMPLETED");
            assertThat(done.path("progress").path("validation").asText()).isEqualTo("PARITY");
            assertThat(second.executed()).as("the lost chunk is delivered again, first").first().isEqualTo(lost);
            for (String table : SampleDatabase.TABLES) {
                assertThat(Migrations.count(target, "\"" + table + "\"")).as(table)
                        .isEqualTo(Migrations.count(source, "\"" + table + "\""));
            }
            int chunks = done.path("output").path("migration").path("run").path("chunksTotal").asInt();
            assertThat(first.runs(ActivityNames.COPY_CHUNK, "") + second.runs(ActivityNames.COPY_CHUNK, "")).isEqualTo(chunks + 1);
        }
    }
}
