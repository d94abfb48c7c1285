package dev.ferry.functions.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.engine.workflow.ActivityNames;
import dev.ferry.sample.SampleLoader;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run with a cutover section, as an operator drives it over the HTTP API, with the kit playing the
 * host: capture, copy, a write after the copy, sync rounds on durable timers, the switch of a
 * webhook routing, the health window of HTTP probes raced against the approve and rollback events.
 * The application is a loopback HTTP server holding the routing value and answering the health probe.
 */
class DurableCutoverIT {
    private HttpServer application;
    private final AtomicReference<String> routing = new AtomicReference<>("the-source");
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private String source;
    private String target;

    @BeforeEach
    void application() throws Exception {
        application = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        application.createContext("/routing", ex -> {
            if ("PUT".equals(ex.getRequestMethod())) {
                routing.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            answer(ex, 200, routing.get());
        });
        application.createContext("/health", ex -> answer(ex, healthy.get() ? 200 : 503, healthy.get() ? "ok" : "down"));
        application.start();
        source = TestPostgres.newDatabase("cut_src");
        try (var c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 6, 10);
        }
        target = TestPostgres.newDatabase("cut_tgt");
    }

    @AfterEach
    void stop() {
        application.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private String body(String cutoverExtras) {
        String app = "http://127.0.0.1:" + application.getAddress().getPort();
        return "{\"source\": \"" + source + "\", \"target\": \"" + target + "\", \"workers\": 2, \"chunkRows\": 50, \"validate\": true,"
                + " \"cutover\": {\"routing\": {\"kind\": \"webhook\", \"url\": \"" + app + "/routing\"}, \"routingValue\": \"the-target\","
                + " \"probeUrls\": [\"" + app + "/health\"], " + cutoverExtras + "}}";
    }

    /** Runs the migration until the cutover starts syncing, then writes to the source (after the copy). */
    private String migrateThenWrite(DurableApp app, String cutoverExtras) throws Exception {
        String id = app.start(body(cutoverExtras));
        app.host().runUntil("the cutover to start syncing", () -> String.valueOf(app.phase(id)).startsWith("CUTOVER_"), 3_000);
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('after-copy', 'c', 'k', 'l', now())");
        }
        return id;
    }

    /** Runs until the health window waits for an operator after its first probe round. */
    private static void untilWindowWaits(DurableApp app, String id) {
        app.host().runUntil("the health window", () -> "CUTOVER_HEALTH_WINDOW".equals(app.phase(id)), 3_000);
        app.host().drain("the first probe round", 200);
        assertThat(app.host().runs(ActivityNames.CUTOVER_PROBE, "")).isEqualTo(1);
    }

    @Test
    void anApprovalThroughTheApiCompletesTheCutover() throws Exception {
        try (DurableApp app = new DurableApp()) {
            String id = migrateThenWrite(app, "\"approveWithinSeconds\": 600");
            untilWindowWaits(app, id);
            assertThat(routing.get()).isEqualTo("the-target");
            HttpFront.Answer approved = app.http.post("/api/migrations/" + id + "/approve-cutover", null);
            assertThat(approved.status()).as(approved.body()).isEqualTo(202);

            JsonNode done = app.runToEnd(id, 2_000);
            assertThat(done.path("runtimeStatus").asText()).as(done + "\n" + app.host().trace()).isEqualTo("COMPLETED");
            assertThat(done.path("progress").path("phase").asText()).isEqualTo("CUTOVER_COMPLETED");
            assertThat(done.path("output").path("cutover").path("outcome").asText()).isEqualTo("COMPLETED");
            assertThat(done.path("output").path("cutover").path("downtimeMillis").asLong()).isPositive();
            assertThat(app.host().runs(ActivityNames.CUTOVER_PROBE, "")).as("approved after the first round").isEqualTo(1);
            assertThat(routing.get()).isEqualTo("the-target");
            assertThat(Migrations.count(target, "\"Setting\" WHERE id = 'after-copy'")).isEqualTo(1);
            Migrations.assertSampleTablesEqual(source, target);

            // the same report page the command line writes, served from the run's output (issue 17)
            HttpFront.Answer page = app.http.get("/api/migrations/" + id + "/report");
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.headers().get("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("data-verdict=\"PARITY · CUTOVER COMPLETED\"").contains("routing switched to the target")
                    .contains("approved");
            assertThat(app.http.get("/api/migrations/ferry-nope/report").status()).isEqualTo(404);
        }
    }

    @Test
    void aRollbackRequestThroughTheApiRoutesBackToTheSource() throws Exception {
        try (DurableApp app = new DurableApp()) {
            String id = migrateThenWrite(app, "\"approveWithinSeconds\": 600");
            untilWindowWaits(app, id);
            assertThat(app.http.post("/api/migrations/" + id + "/rollback", "{\"reason\": \"errors in the app\"}").status()).isEqualTo(202);

            JsonNode done = app.runToEnd(id, 2_000);
            assertThat(done.path("runtimeStatus").asText()).as(done + "\n" + app.host().trace()).isEqualTo("COMPLETED");
            assertThat(done.path("progress").path("phase").asText()).isEqualTo("CUTOVER_ROLLED_BACK");
            assertThat(done.path("output").path("cutover").path("outcome").asText()).isEqualTo("ROLLED_BACK");
            assertThat(done.path("output").path("cutover").path("reason").asText()).contains("operator");
            assertThat(routing.get()).isEqualTo("the-source");
        }
    }

    @Test
    void aProbeFailingAfterTheWindowsTimerRollsBackOnItsOwn() throws Exception {
        try (DurableApp app = new DurableApp()) {
            String id = migrateThenWrite(app, "\"windowSeconds\": 600");
            untilWindowWaits(app, id);
            java.time.Instant waiting = app.store.now();
            healthy.set(false);

            JsonNode done = app.runToEnd(id, 2_000);
            assertThat(done.path("runtimeStatus").asText()).as(done + "\n" + app.host().trace()).isEqualTo("COMPLETED");
            assertThat(done.path("output").path("cutover").path("outcome").asText()).isEqualTo("ROLLED_BACK");
            assertThat(done.path("output").path("cutover").path("reason").asText()).contains("probes failed").contains("/health");
            assertThat(app.host().runs(ActivityNames.CUTOVER_PROBE, "")).as("the second round, after the timer").isEqualTo(2);
            assertThat(app.store.now()).as("the probe interval passed on the virtual clock").isAfter(waiting);
            assertThat(routing.get()).isEqualTo("the-source");
        }
    }

    @Test
    void waitingForTheGoKeepsSyncingUntilStartCutover() throws Exception {
        try (DurableApp app = new DurableApp()) {
            String id = migrateThenWrite(app, "\"windowSeconds\": 60, \"waitForGo\": true");
            app.host().runUntil("the wait for the go", () -> "CUTOVER_WAITING_FOR_GO".equals(app.phase(id)), 3_000);
            app.host().drain("the wait for the go", 200);
            long rounds = app.host().runs(ActivityNames.SYNC_ROUND, "");
            app.host().runUntil("two more sync rounds while waiting", () -> app.host().runs(ActivityNames.SYNC_ROUND, "") >= rounds + 2, 200);
            assertThat(routing.get()).isEqualTo("the-source");
            assertThat(app.http.post("/api/migrations/" + id + "/start-cutover", null).status()).isEqualTo(202);

            JsonNode done = app.runToEnd(id, 3_000);
            assertThat(done.path("runtimeStatus").asText()).as(done + "\n" + app.host().trace()).isEqualTo("COMPLETED");
            assertThat(done.path("output").path("cutover").path("outcome").asText()).as(done.toString()).isEqualTo("COMPLETED");
            assertThat(routing.get()).isEqualTo("the-target");
            assertThat(Migrations.count(target, "\"Setting\" WHERE id = 'after-copy'")).isEqualTo(1);
        }
    }

    /** At least once: the host dies while the switch runs, the new host delivers it again, and a rollback still finds the source. */
    @Test
    void aSwitchDeliveredAgainAfterAHostCrashStillRollsBackToTheSource() throws Exception {
        try (DurableApp app = new DurableApp()) {
            String id = migrateThenWrite(app, "\"approveWithinSeconds\": 600");
            app.host().crashDuring(a -> a.name().equals(ActivityNames.CUTOVER_SWITCH));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.host().runUntil("the crash in the switch", () -> false, 3_000))
                    .isInstanceOf(DurableHost.HostCrashedException.class);
            assertThat(routing.get()).as("the switch ran before the crash").isEqualTo("the-target");

            DurableHost restarted = app.restart();
            untilWindowWaits(app, id);
            assertThat(restarted.runs(ActivityNames.CUTOVER_SWITCH, "")).as("delivered again").isEqualTo(1);
            assertThat(app.http.post("/api/migrations/" + id + "/rollback", null).status()).isEqualTo(202);

            JsonNode done = app.runToEnd(id, 2_000);
            assertThat(done.path("output").path("cutover").path("outcome").asText()).as(done + "\n" + restarted.trace()).isEqualTo("ROLLED_BACK");
            assertThat(routing.get()).as("routing back where it was before the cutover").isEqualTo("the-source");
        }
    }

    /** At least once: the host dies while the rollback runs; delivered again, it ends rolled back with the target's writes on the source. */
    @Test
    void aRollbackDeliveredAgainAfterAHostCrashEndsRolledBack() throws Exception {
        try (DurableApp app = new DurableApp()) {
            String id = migrateThenWrite(app, "\"approveWithinSeconds\": 600");
            untilWindowWaits(app, id);
            try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
                st.execute("INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('on-target', 'c', 'k2', 'l', now())");
            }
            assertThat(app.http.post("/api/migrations/" + id + "/rollback", null).status()).isEqualTo(202);
            app.host().crashDuring(a -> a.name().equals(ActivityNames.CUTOVER_ROLLBACK));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.host().runUntil("the crash in the rollback", () -> false, 1_000))
                    .isInstanceOf(DurableHost.HostCrashedException.class);

            DurableHost restarted = app.restart();
            JsonNode done = app.runToEnd(id, 1_000);
            assertThat(done.path("output").path("cutover").path("outcome").asText()).as(done + "\n" + restarted.trace()).isEqualTo("ROLLED_BACK");
            assertThat(restarted.runs(ActivityNames.CUTOVER_ROLLBACK, "")).as("delivered again").isEqualTo(1);
            assertThat(routing.get()).isEqualTo("the-source");
            assertThat(Migrations.count(source, "\"Setting\" WHERE id = 'on-target'")).as("the target's write brought back once").isEqualTo(1);
        }
    }

    /** At least once: the host dies while the completion runs; delivered again, the run ends completed. */
    @Test
    void aCompletionDeliveredAgainAfterAHostCrashEndsCompleted() throws Exception {
        try (DurableApp app = new DurableApp()) {
            String id = migrateThenWrite(app, "\"approveWithinSeconds\": 600");
            untilWindowWaits(app, id);
            assertThat(app.http.post("/api/migrations/" + id + "/approve-cutover", null).status()).isEqualTo(202);
            app.host().crashDuring(a -> a.name().equals(ActivityNames.CUTOVER_COMPLETE));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.host().runUntil("the crash in the completion", () -> false, 1_000))
                    .isInstanceOf(DurableHost.HostCrashedException.class);

            DurableHost restarted = app.restart();
            JsonNode done = app.runToEnd(id, 1_000);
            assertThat(done.path("output").path("cutover").path("outcome").asText()).as(done + "\n" + restarted.trace()).isEqualTo("COMPLETED");
            assertThat(restarted.runs(ActivityNames.CUTOVER_COMPLETE, "")).as("delivered again").isEqualTo(1);
            assertThat(routing.get()).isEqualTo("the-target");
        }
    }
}
