package dev.ferry.functions;

import dev.ferry.functions.routing.RoutingSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.engine.workflow.MigrationWorkflow;
import dev.ferry.engine.workflow.WorkflowPort;
import dev.ferry.engine.workflow.WorkflowStatus;
import dev.ferry.sample.SampleDatabase;
import dev.ferry.sample.SampleLoader;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Functions app's activities without the Functions host: the workflow runs on a port that
 * serializes every envelope to JSON and every result back, as Durable Functions does, and
 * dispatches through {@link ActivityDispatcher} against real PostgreSQL.
 */
class ActivityDispatcherIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A port that crosses a JSON boundary both ways on every activity call. */
    record SerializingPort(ActivityDispatcher dispatcher, MigrationRequest migration) implements WorkflowPort {
        @Override
        public <T> Pending<T> callActivity(String name, Object input, Class<T> type) {
            try {
                String envelope = JSON.writeValueAsString(new ActivityEnvelope(migration, JSON.valueToTree(input)));
                String result = JSON.writeValueAsString(dispatcher.run(name, envelope));
                T value = JSON.readValue(result, type);
                return () -> value;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public <T> Pending<T> callSubWorkflow(String name, Object input, Class<T> type) {
            try {
                String envelope = JSON.writeValueAsString(new ActivityEnvelope(migration, JSON.valueToTree(input)));
                ActivityEnvelope received = JSON.readValue(envelope, ActivityEnvelope.class);
                Object result = new dev.ferry.engine.workflow.TableCopyWorkflow().run(
                        new SerializingPort(dispatcher, received.migration()),
                        JSON.convertValue(received.payload(), dev.ferry.engine.workflow.WorkflowMessages.TableCopyTask.class));
                T value = JSON.readValue(JSON.writeValueAsString(result), type);
                return () -> value;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public <T> List<T> awaitAll(List<Pending<T>> pending) {
            return pending.stream().map(Pending::await).toList();
        }

        @Override
        public void sleep(Duration duration) {
        }

        @Override
        public EventListener listen(List<String> names) {
            return timeout -> Optional.empty(); // no operator here: every wait times out, on no clock at all
        }

        @Override
        public void setStatus(WorkflowStatus status) {
        }

        @Override
        public Instant now() {
            return Instant.now();
        }
    }

    @Test
    void theActivitiesMigrateAndValidateThroughSerializedMessages() throws Exception {
        String source = TestPostgres.newDatabase("fn_src");
        try (var c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 9, 25);
        }
        String target = TestPostgres.newDatabase("fn_tgt");
        MigrationRequest request = new MigrationRequest(source, target, "caseInsensitiveCollation: none\n", 2, 60, true);
        MigrationWorkflow.Outcome out = new MigrationWorkflow().run(new SerializingPort(new ActivityDispatcher(name -> null, line -> { }, Telemetry.global()),
                request), new MigrationWorkflow.Request(true));
        assertThat(out.succeeded()).isTrue();
        assertThat(out.validation().parity()).as(out.validation().summary()).isTrue();
        assertThat(out.run().pending()).hasSizeGreaterThan(10);
        for (String table : SampleDatabase.TABLES) {
            String order = table.equals("VerificationToken") ? "token" : "id";
            assertThat(Migrations.fingerprint(target, "\"" + table + "\"", order)).as(table)
                    .isEqualTo(Migrations.fingerprint(source, "\"" + table + "\"", order));
        }
        assertThat(Migrations.count(target, "ferry.run WHERE status = 'done'")).isEqualTo(1);
    }

    /**
     * A start request with a cutover section, through serialized activities: capture before the
     * copy, a write after it, sync rounds, the switch and a passing window — routing moves, the
     * write is on the target, the downtime is measured.
     */
    @Test
    void aRequestWithACutoverCapturesSyncsAndSwitchesThroughSerializedMessages(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String source = TestPostgres.newDatabase("fncut_src");
        try (var c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 4, 10);
        }
        String target = TestPostgres.newDatabase("fncut_tgt");
        java.nio.file.Path routing = dir.resolve("routing");
        java.nio.file.Files.writeString(routing, "the-source");
        CutoverSpec spec = new CutoverSpec(new RoutingSpec(RoutingSpec.WEBHOOK, "https://app.example/routing",
                null, null, null, null, null, null, null), "the-target", List.of(), "SELECT count(*) FROM \"User\"", 1L, null, null);
        MigrationRequest request = new MigrationRequest(source, target, null, 2, 60, true, null, spec).validated();
        List<String> log = new java.util.ArrayList<>();
        ActivityDispatcher dispatcher = new ActivityDispatcher(name -> null, log::add, Telemetry.global(),
                r -> new dev.ferry.engine.cutover.FileRoutingSwitch(routing));
        SerializingPort port = new SerializingPort(dispatcher, JSON.readValue(JSON.writeValueAsString(request), MigrationRequest.class));
        MigrationWorkflow.Outcome out = new MigrationWorkflow().run(port, new MigrationWorkflow.Request(true, false, true));
        assertThat(out.succeeded()).isTrue();
        try (var c = TestPostgres.connect(source); var st = c.createStatement()) {
            st.execute("INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('after-copy', 'c', 'k', 'l', now())");
        }
        dev.ferry.engine.cutover.CutoverResult result = new dev.ferry.engine.workflow.CutoverWorkflow().run(port,
                spec.workflowRequest(dev.ferry.engine.config.CutoverConfig.defaults()));
        assertThat(result.outcome()).as(String.join("\n", log)).isEqualTo(dev.ferry.engine.cutover.CutoverResult.COMPLETED);
        assertThat(java.nio.file.Files.readString(routing).strip()).isEqualTo("the-target");
        assertThat(result.downtimeMillis()).isPositive().isLessThan(5_000);
        assertThat(Migrations.count(target, "\"Setting\" WHERE id = 'after-copy'")).isEqualTo(1);
        Migrations.assertSampleTablesEqual(source, target);
    }
}
