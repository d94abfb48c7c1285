package dev.ferry.functions.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sample.SampleLoader;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The staged app's migration as an operator runs it — POST /api/migrations, GET until done — with the
 * kit playing the host: real orchestrators on the real durabletask executor, real activities against
 * embedded PostgreSQL.
 */
class DurableMigrationIT {

    private static String body(String source, String target) {
        return "{\"source\": \"" + source + "\", \"target\": \"" + target + "\", \"config\": \"caseInsensitiveCollation: none\\n\","
                + " \"workers\": 2, \"chunkRows\": 60, \"validate\": true}";
    }

    @Test
    void aMigrationStartedOverHttpRunsToParity() throws Exception {
        String source = TestPostgres.newDatabase("dh_src");
        try (var c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 4, 25);
        }
        String target = TestPostgres.newDatabase("dh_tgt");
        try (DurableApp app = new DurableApp()) {
            HttpFront.Answer started = app.http.post("/api/migrations", body(source, target));
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String id = started.json().path("id").asText();
            assertThat(started.headers().get("Location")).contains("/runtime/webhooks/durabletask/instances/" + id)
                    .endsWith("?code=kit-system-key");
            assertThat(app.http.post("/api/migrations", body(source, target)).status()).as("a second run on the same target").isEqualTo(409);

            JsonNode done = app.runToEnd(id, 5_000);
            assertThat(done.path("runtimeStatus").asText()).as(done.toString() + "\n" + app.host().trace()).isEqualTo("COMPLETED");
            assertThat(done.path("progress").path("phase").asText()).isEqualTo("DONE");
            assertThat(done.path("progress").path("validation").asText()).isEqualTo("PARITY");
            assertThat(done.path("output").path("migration").path("succeeded").asBoolean()).as(done.toString()).isTrue();
            assertThat(done.path("output").path("migration").path("rowsCopied").asLong()).isPositive()
                    .isEqualTo(done.path("progress").path("rowsCopied").asLong());
            assertThat(done.has("failure")).isFalse();
            Migrations.assertSampleTablesEqual(source, target);
            assertThat(app.http.get("/api/migrations/ferry-nope").status()).isEqualTo(404);
            assertThat(app.http.post("/api/migrations/" + id + "/approve-cutover", null).status()).as("the run has ended").isEqualTo(409);
        }
    }
}
