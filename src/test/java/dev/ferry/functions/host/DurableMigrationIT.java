package dev.ferry.functions.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationStatus;
import dev.ferry.functions.FunctionNames;
import dev.ferry.functions.MigrationRequest;
import dev.ferry.sample.SampleLoader;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import org.junit.jupiter.api.Test;

/** The staged app's migration orchestration, driven by the host kit over real activities and embedded PostgreSQL. */
class DurableMigrationIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMigrationRunsThroughTheRealExecutorToParity() throws Exception {
        String source = TestPostgres.newDatabase("dh_src");
        try (var c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 4, 25);
        }
        String target = TestPostgres.newDatabase("dh_tgt");
        MigrationRequest request = new MigrationRequest(source, target, "caseInsensitiveCollation: none\n", 2, 60, true);
        HubStore store = new HubStore();
        DurableHost host = new DurableHost(store, StagedApp.load(), new JavaWorker());
        assertThat(store.createInstance("ferry-test-1", FunctionNames.ORCHESTRATOR, JSON.writeValueAsString(request), null)).isNull();
        HubStore.Instance done = host.runToCompletion("ferry-test-1", 20_000);
        assertThat(done.status).as(host.trace()).isEqualTo(OrchestrationStatus.ORCHESTRATION_STATUS_COMPLETED);
        JsonNode out = JSON.readTree(done.output);
        assertThat(out.path("migration").path("succeeded").asBoolean()).as(done.output).isTrue();
        Migrations.assertSampleTablesEqual(source, target);
        System.out.println("episodes " + host.episodes() + ", activities " + host.activityRuns());
    }
}
