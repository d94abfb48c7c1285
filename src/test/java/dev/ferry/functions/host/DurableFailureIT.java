package dev.ferry.functions.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.workflow.ActivityNames;
import dev.ferry.sample.SampleLoader;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Chunk copies that fail in the database, under the retry policy the orchestrator gives its
 * activities, with the kit playing the host. The failure is real: a trigger on the target table
 * raises for one row, so the chunk holding it fails inside PostgreSQL and its transaction rolls back.
 */
class DurableFailureIT {
    private static final String TABLE = "Contact";

    private static String body(String source, String target) {
        return "{\"source\": \"" + source + "\", \"target\": \"" + target + "\", \"config\": \"caseInsensitiveCollation: none\\n\","
                + " \"workers\": 2, \"chunkRows\": 60, \"validate\": true}";
    }

    /** Makes inserts of row {@code id} into the target table fail {@code times} times (a sequence counts attempts). */
    private static void failRow(String target, String id, int times) throws Exception {
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("CREATE SEQUENCE fault_attempts");
            st.execute("CREATE FUNCTION fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.id::text = '" + id + "' AND nextval('fault_attempts') <= " + times + " THEN "
                    + "RAISE EXCEPTION 'injected fault on row % (attempt %)', NEW.id, currval('fault_attempts'); END IF; RETURN NEW; END $$");
            st.execute("CREATE TRIGGER fault BEFORE INSERT ON \"" + TABLE + "\" FOR EACH ROW EXECUTE FUNCTION fault()");
        }
    }

    private static String firstId(String source) throws Exception {
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT min(id::text) FROM \"" + TABLE + "\"")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Starts a run and lets it go until StartRun has created the target's tables (before any chunk is copied). */
    private static String startUntilTablesExist(DurableApp app, String source, String target) {
        String id = app.start(body(source, target));
        app.host().runUntil("StartRun to create the target tables", () -> app.host().runs(ActivityNames.START_RUN, "") == 1, 100);
        assertThat(app.host().runs(ActivityNames.COPY_CHUNK, "")).isZero();
        return id;
    }

    private static String sourceWithData(String prefix) throws Exception {
        String source = TestPostgres.newDatabase(prefix + "_src");
        try (var c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 5, 25);
        }
        return source;
    }

    @Test
    void aChunkFailingTwiceSucceedsOnItsThirdAttemptAfterTheRetryIntervals() throws Exception {
        String source = sourceWithData("retry");
        String target = TestPostgres.newDatabase("retry_tgt");
        try (DurableApp app = new DurableApp()) {
            java.time.Instant started = app.store.now();
            String id = startUntilTablesExist(app, source, target);
            failRow(target, firstId(source), 2);

            JsonNode done = app.runToEnd(id, 5_000);
            assertThat(done.path("runtimeStatus").asText()).as(done + "\n" + app.host().trace()).isEqualTo("COMPLETED");
            assertThat(done.path("progress").path("validation").asText()).isEqualTo("PARITY");
            int chunks = done.path("output").path("migration").path("run").path("chunksTotal").asInt();
            assertThat(chunks).isGreaterThan(10);
            assertThat(app.host().runs(ActivityNames.COPY_CHUNK, "")).as("every chunk once, the failing one twice more").isEqualTo(chunks + 2);
            // the policy waits 5 s, then 10 s, on durable timers (the virtual clock), before the second and third attempts
            assertThat(Duration.between(started, app.store.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(15));
            Migrations.assertSampleTablesEqual(source, target);
        }
    }

    @Test
    void aChunkFailingForGoodFailsTheRunNamingTableAndChunkAndPostDataNeverRuns() throws Exception {
        String source = sourceWithData("fail");
        String target = TestPostgres.newDatabase("fail_tgt");
        try (DurableApp app = new DurableApp()) {
            String id = startUntilTablesExist(app, source, target);
            failRow(target, firstId(source), Integer.MAX_VALUE);

            JsonNode done = app.runToEnd(id, 5_000);
            assertThat(done.path("runtimeStatus").asText()).as(done + "\n" + app.host().trace()).isEqualTo("FAILED");
            String failure = done.path("failure").asText();
            assertThat(failure).contains("public.Contact chunk 0").contains("injected fault");
            assertThat(app.host().runs(ActivityNames.POST_DATA, "")).isZero();
            assertThat(Migrations.count(target, "pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace")).as("no foreign key: post-data never ran").isZero();
            // three attempts of the failing chunk, not nine: the table's sub-orchestration is not retried on top of its activities
            assertThat(app.host().executed().stream().filter(a -> a.name().equals(ActivityNames.COPY_CHUNK)
                    && a.input().contains("\"table\":\"public.Contact\"") && a.input().contains("\"chunk\":0,")).count()).isEqualTo(3);
        }
    }

    @Test
    void aValueChangedOnTheWayEndsTheRunInMismatchNamingTheTable() throws Exception {
        String source = sourceWithData("drift");
        String target = TestPostgres.newDatabase("drift_tgt");
        try (DurableApp app = new DurableApp()) {
            String id = startUntilTablesExist(app, source, target);
            try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
                st.execute("CREATE FUNCTION drift() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF NEW.id::text = '" + firstId(source) + "' THEN NEW.\"firstName\" := 'Drifted'; END IF; RETURN NEW; END $$");
                st.execute("CREATE TRIGGER drift BEFORE INSERT ON \"" + TABLE + "\" FOR EACH ROW EXECUTE FUNCTION drift()");
            }

            JsonNode done = app.runToEnd(id, 5_000);
            assertThat(done.path("runtimeStatus").asText()).as(done + "\n" + app.host().trace()).isEqualTo("COMPLETED");
            assertThat(done.path("progress").path("phase").asText()).isEqualTo("MISMATCH");
            assertThat(done.path("progress").path("validation").asText()).isEqualTo("MISMATCH");
            JsonNode migration = done.path("output").path("migration");
            assertThat(migration.path("succeeded").asBoolean()).isFalse();
            assertThat(migration.path("validation").path("tables").findValuesAsText("status")).containsOnlyOnce("MISMATCH").contains("EQUAL");
            assertThat(migration.path("validation").toString()).contains("public.Contact").contains("Drifted");
        }
    }
}
