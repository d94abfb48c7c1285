package dev.ferry.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.NewOrchestrationInstanceOptions;
import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import com.microsoft.durabletask.OrchestrationStatusQuery;
import com.microsoft.durabletask.OrchestrationStatusQueryResult;
import dev.ferry.engine.workflow.RunPhase;
import dev.ferry.engine.workflow.WorkflowStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The migrations API's 202/400/404/409 answers on a mocked Durable client. */
class MigrationHttpApiTest {
    private static final String BODY = "{\"source\": \"jdbc:sqlserver://crm.example;databaseName=crm\", "
            + "\"target\": \"jdbc:postgresql://pg.example/crm\", \"workers\": 4}";
    private DurableTaskClient client;
    private MigrationHttpApi api;

    @BeforeEach
    void setUp() {
        client = mock(DurableTaskClient.class);
        OrchestrationStatusQueryResult none = mock(OrchestrationStatusQueryResult.class);
        when(none.getOrchestrationState()).thenReturn(List.of());
        when(client.queryInstances(any())).thenReturn(none);
        api = new MigrationHttpApi(client, "https://ferry.example", "code=SYSTEMKEY");
    }

    @Test
    @SuppressWarnings("unchecked")
    void startAnswers202WithStatusLinksAndARunIdPerTarget() {
        ApiResponse r = api.start(BODY);
        assertThat(r.status()).isEqualTo(202);
        ArgumentCaptor<NewOrchestrationInstanceOptions> options = ArgumentCaptor.forClass(NewOrchestrationInstanceOptions.class);
        verify(client).scheduleNewOrchestrationInstance(eq(FunctionNames.ORCHESTRATOR), options.capture());
        String id = options.getValue().getInstanceId();
        assertThat(id).startsWith("ferry-" + MigrationHttpApi.targetHash("jdbc:postgresql://pg.example/crm") + "-");
        assertThat(options.getValue().getInput()).isEqualTo(new MigrationRequest("jdbc:sqlserver://crm.example;databaseName=crm",
                "jdbc:postgresql://pg.example/crm", null, 4, null, null));
        assertThat(r.headers().get("Location")).isEqualTo("https://ferry.example/runtime/webhooks/durabletask/instances/" + id + "?code=SYSTEMKEY");
        Map<String, String> links = (Map<String, String>) r.body();
        assertThat(links).containsEntry("id", id).containsKeys("sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri");
        ArgumentCaptor<OrchestrationStatusQuery> query = ArgumentCaptor.forClass(OrchestrationStatusQuery.class);
        verify(client).queryInstances(query.capture());
        assertThat(query.getValue().getInstanceIdPrefix()).isEqualTo(id.substring(0, id.length() - 36));
    }

    @Test
    void startAnswers400NamingTheField() {
        assertThat(error(api.start("{\"source\": \"jdbc:sqlserver://x\"}"), 400)).contains("'target'");
        assertThat(error(api.start("{\"source\": \"jdbc:sqlserver://x\", \"target\": \"jdbc:postgresql://y\", \"wrokers\": 2}"), 400))
                .contains("'wrokers'");
        assertThat(error(api.start("{\"source\": \"jdbc:sqlserver://x\", \"target\": \"jdbc:postgresql://y\", \"workers\": \"many\"}"), 400))
                .contains("'workers'");
        assertThat(error(api.start("{\"source\": \"jdbc:sqlserver://x;password=hunter2\", \"target\": \"jdbc:postgresql://y\"}"), 400))
                .contains("'source'").doesNotContain("hunter2");
        assertThat(error(api.start("not json"), 400)).contains("JSON");
        assertThat(error(api.start(""), 400)).contains("empty");
        verify(client, never()).scheduleNewOrchestrationInstance(anyString(), any(NewOrchestrationInstanceOptions.class));
    }

    @Test
    void startAnswers409WhenARunIsActiveOnTheSameTarget() {
        OrchestrationMetadata running = mock(OrchestrationMetadata.class);
        when(running.getInstanceId()).thenReturn("ferry-abc-1");
        OrchestrationStatusQueryResult active = mock(OrchestrationStatusQueryResult.class);
        when(active.getOrchestrationState()).thenReturn(List.of(running));
        when(client.queryInstances(any())).thenReturn(active);
        assertThat(error(api.start(BODY), 409)).contains("ferry-abc-1");
        verify(client, never()).scheduleNewOrchestrationInstance(anyString(), any(NewOrchestrationInstanceOptions.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void statusAnswers200WithProgressOr404() {
        OrchestrationMetadata m = mock(OrchestrationMetadata.class);
        when(m.isInstanceFound()).thenReturn(true);
        when(m.getRuntimeStatus()).thenReturn(OrchestrationRuntimeStatus.RUNNING);
        when(m.isCustomStatusFetched()).thenReturn(true);
        when(m.readCustomStatusAs(WorkflowStatus.class)).thenReturn(new WorkflowStatus("run-1", RunPhase.COPYING, 10, 40, 1000, 4000, null));
        when(client.getInstanceMetadata("run-1", true)).thenReturn(m);
        ApiResponse ok = api.status("run-1");
        assertThat(ok.status()).isEqualTo(200);
        assertThat((Map<String, Object>) ok.body()).containsEntry("runtimeStatus", "RUNNING")
                .containsEntry("progress", new WorkflowStatus("run-1", RunPhase.COPYING, 10, 40, 1000, 4000, null));
        OrchestrationMetadata missing = mock(OrchestrationMetadata.class);
        when(client.getInstanceMetadata("nope", true)).thenReturn(missing);
        assertThat(error(api.status("nope"), 404)).contains("nope");
    }

    @Test
    void approveAndRollbackRaiseTheirEventsOr404() {
        OrchestrationMetadata m = mock(OrchestrationMetadata.class);
        when(m.isInstanceFound()).thenReturn(true);
        when(m.isRunning()).thenReturn(true);
        when(client.getInstanceMetadata("run-1", false)).thenReturn(m);
        assertThat(api.raise("run-1", MigrationHttpApi.APPROVE_EVENT, null).status()).isEqualTo(202);
        verify(client).raiseEvent("run-1", MigrationHttpApi.APPROVE_EVENT, null);
        assertThat(api.raise("run-1", MigrationHttpApi.ROLLBACK_EVENT, "{\"reason\": \"errors\"}").status()).isEqualTo(202);
        verify(client).raiseEvent("run-1", MigrationHttpApi.ROLLBACK_EVENT, "{\"reason\": \"errors\"}");
        when(client.getInstanceMetadata("gone", false)).thenReturn(mock(OrchestrationMetadata.class));
        assertThat(error(api.raise("gone", MigrationHttpApi.APPROVE_EVENT, null), 404)).contains("gone");
    }

    @SuppressWarnings("unchecked")
    private static String error(ApiResponse r, int status) {
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(status);
        return ((Map<String, String>) r.body()).get("error");
    }
}
