package dev.ferry.functions;

import dev.ferry.functions.routing.RoutingSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.microsoft.durabletask.CompositeTaskFailedException;
import com.microsoft.durabletask.FailureDetails;
import com.microsoft.durabletask.Task;
import com.microsoft.durabletask.TaskFailedException;
import com.microsoft.durabletask.TaskOptions;
import com.microsoft.durabletask.TaskOrchestrationContext;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.engine.workflow.ActivityNames;
import dev.ferry.engine.workflow.MigrationWorkflow;
import dev.ferry.engine.workflow.WorkflowMessages.ChunkCopied;
import dev.ferry.engine.workflow.WorkflowMessages.ChunkTask;
import dev.ferry.engine.workflow.WorkflowMessages.RunFinished;
import dev.ferry.engine.workflow.WorkflowMessages.RunStarted;
import dev.ferry.engine.workflow.WorkflowMessages.TableCopied;
import dev.ferry.engine.workflow.WorkflowMessages.TableCopyTask;
import dev.ferry.engine.workflow.TableCopyWorkflow;
import dev.ferry.engine.workflow.RunPhase;
import dev.ferry.engine.workflow.WorkflowStatus;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The orchestrator on a mocked {@link TaskOrchestrationContext}, stubbing the exact overloads the port calls. */
class MigrationOrchestratorTest {
    private static final MigrationRequest REQUEST = new MigrationRequest("jdbc:sqlserver://crm.example;databaseName=crm",
            "jdbc:postgresql://pg.example/crm", null, 4, 100_000, true);

    private TaskOrchestrationContext ctx;

    @SuppressWarnings("unchecked")
    private static <T> Task<T> done(T value) {
        Task<T> t = mock(Task.class);
        when(t.await()).thenReturn(value);
        return t;
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void context() {
        ctx = mock(TaskOrchestrationContext.class);
        when(ctx.getInput(MigrationRequest.class)).thenReturn(REQUEST);
        when(ctx.getCurrentInstant()).thenReturn(Instant.parse("2026-11-24T02:00:00Z"));
        List<ChunkTask> pending = IntStream.range(0, 70).mapToObj(i -> new ChunkTask("run-1", "dbo.Account", i, 10)).toList();
        Task<RunStarted> started = done(new RunStarted("run-1", false, pending, 0, 700, 70, List.of("dbo.Account")));
        when(ctx.callActivity(eq(ActivityNames.START_RUN), any(), any(TaskOptions.class), eq(RunStarted.class))).thenReturn(started);
        when(ctx.callActivity(eq(ActivityNames.COPY_CHUNK), any(), any(TaskOptions.class), eq(ChunkCopied.class)))
                .thenAnswer(inv -> done(new ChunkCopied("dbo.Account", 0, 10, 100)));
        Task<TableCopied> tableCopied = done(new TableCopied("dbo.Account", 70, 700));
        when(ctx.callSubOrchestrator(eq(TableCopyWorkflow.NAME), any(), eq(null), org.mockito.ArgumentMatchers.<TaskOptions>isNull(), eq(TableCopied.class)))
                .thenReturn(tableCopied);
        when(ctx.allOf(anyList())).thenAnswer(inv -> {
            List<Task<Object>> tasks = inv.getArgument(0);
            return done(tasks.stream().map(Task::await).toList());
        });
        Task<Integer> postData = done(42);
        when(ctx.callActivity(eq(ActivityNames.POST_DATA), any(), any(TaskOptions.class), eq(Integer.class))).thenReturn(postData);
        Task<Integer> tablePostData = done(3);
        when(ctx.callActivity(eq(ActivityNames.TABLE_POST_DATA), any(), any(TaskOptions.class), eq(Integer.class))).thenReturn(tablePostData);
        Task<ValidationReport.SchemaResult> schema = done(new ValidationReport.SchemaResult(List.of(), java.util.Map.of()));
        when(ctx.callActivity(eq(ActivityNames.VALIDATE_SCHEMA), any(), any(TaskOptions.class), eq(ValidationReport.SchemaResult.class)))
                .thenReturn(schema);
        when(ctx.callActivity(eq(ActivityNames.FINISH_RUN), any(), any(TaskOptions.class), eq(Boolean.class)))
                .thenAnswer(inv -> done(((RunFinished) new com.fasterxml.jackson.databind.ObjectMapper().convertValue(
                        ((ActivityEnvelope) inv.getArgument(1)).payload(), RunFinished.class)).succeeded()));
    }

    private void tablesValidate(boolean equal) {
        Task<ValidationReport.TableResult> result = done(new ValidationReport.TableResult("dbo.Account", "public.Account",
                equal ? ValidationReport.TableStatus.EQUAL : ValidationReport.TableStatus.MISMATCH, 700, 700, 1, equal ? 0 : 1, 0, 0, equal ? 0 : 1, 0, false, List.of(), List.of()));
        when(ctx.callActivity(eq(ActivityNames.VALIDATE_TABLE), any(), any(TaskOptions.class), eq(ValidationReport.TableResult.class)))
                .thenReturn(result);
    }

    @Test
    void happyPathCopiesEachTableInASubOrchestrationAndFinishesDone() {
        tablesValidate(true);
        MigrationWorkflow.Outcome out = MigrationOrchestrator.orchestrate(ctx);
        assertThat(out.succeeded()).isTrue();
        assertThat(out.rowsCopied()).isEqualTo(700);
        ArgumentCaptor<Object> inputs = ArgumentCaptor.forClass(Object.class);
        ArgumentCaptor<TaskOptions> options = ArgumentCaptor.forClass(TaskOptions.class);
        verify(ctx).callSubOrchestrator(eq(TableCopyWorkflow.NAME), inputs.capture(), eq(null), options.capture(), eq(TableCopied.class));
        // issue 11: no retry policy on the child (its activities retry; a retried child multiplies attempts and reuses its id)
        assertThat(inputs.getValue()).isInstanceOfSatisfying(ActivityEnvelope.class, e -> {
            assertThat(e.migration()).isEqualTo(REQUEST);
            assertThat(e.payload().get("table").asText()).isEqualTo("dbo.Account");
            assertThat(e.payload().get("chunks").size()).isEqualTo(70);
        });
        assertThat(options.getValue()).isNull();
        verify(ctx, never()).callActivity(eq(ActivityNames.COPY_CHUNK), any(), any(TaskOptions.class), eq(ChunkCopied.class));
        verify(ctx, org.mockito.Mockito.times(2)).allOf(anyList()); // the tables, then the validation fan-out
        ArgumentCaptor<Object> statuses = ArgumentCaptor.forClass(Object.class);
        verify(ctx, org.mockito.Mockito.atLeastOnce()).setCustomStatus(statuses.capture());
        assertThat(statuses.getAllValues()).extracting(s -> ((WorkflowStatus) s).phase()).contains(RunPhase.COPYING, RunPhase.VALIDATING).last().isEqualTo(RunPhase.DONE);
    }

    @Test
    void theTableSubOrchestrationCopiesItsChunksInWavesWithARetryPolicy() {
        List<ChunkTask> chunks = IntStream.range(0, 70).mapToObj(i -> new ChunkTask("run-1", "dbo.Account", i, 10)).toList();
        ActivityEnvelope envelope = new ActivityEnvelope(REQUEST, new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(new TableCopyTask("run-1", "dbo.Account", chunks)));
        when(ctx.getInput(ActivityEnvelope.class)).thenReturn(envelope);
        TableCopied copied = MigrationOrchestrator.copyTable(ctx);
        assertThat(copied.rows()).isEqualTo(700);
        ArgumentCaptor<TaskOptions> options = ArgumentCaptor.forClass(TaskOptions.class);
        verify(ctx, org.mockito.Mockito.times(70)).callActivity(eq(ActivityNames.COPY_CHUNK), any(), options.capture(), eq(ChunkCopied.class));
        assertThat(options.getValue().getRetryPolicy().getMaxNumberOfAttempts()).isEqualTo(3);
        verify(ctx, org.mockito.Mockito.times(2)).allOf(anyList()); // waves of 64 and 6
        // then the table's own post-data, before the parent's (issue 13)
        ArgumentCaptor<Object> post = ArgumentCaptor.forClass(Object.class);
        verify(ctx).callActivity(eq(ActivityNames.TABLE_POST_DATA), post.capture(), any(TaskOptions.class), eq(Integer.class));
        assertThat(post.getValue()).isInstanceOfSatisfying(ActivityEnvelope.class,
                e -> assertThat(e.payload().get("table").asText()).isEqualTo("dbo.Account"));
    }

    @Test
    void aChunkFailingAfterItsRetriesFailsTheRunSayingWhichChunkAndNeverRunsPostData() {
        TaskFailedException chunk = mock(TaskFailedException.class);
        FailureDetails details = mock(FailureDetails.class);
        when(details.getErrorMessage()).thenReturn("Activity CopyChunk failed: Unable to copy dbo.Account chunk 12 after 5 attempts: "
                + "connection refused");
        when(chunk.getTaskName()).thenReturn(TableCopyWorkflow.NAME);
        when(chunk.getErrorDetails()).thenReturn(details);
        CompositeTaskFailedException composite = mock(CompositeTaskFailedException.class);
        when(composite.getExceptions()).thenReturn(List.of(chunk));
        @SuppressWarnings("unchecked")
        Task<List<Object>> failing = mock(Task.class);
        when(failing.await()).thenThrow(composite);
        when(ctx.allOf(anyList())).thenReturn((Task) failing);
        assertThatThrownBy(() -> MigrationOrchestrator.orchestrate(ctx)).isInstanceOf(FerryException.class)
                .hasMessageContaining("CopyChunk").hasMessageContaining("chunk 12");
        verify(ctx, never()).callActivity(eq(ActivityNames.POST_DATA), any(), any(TaskOptions.class), eq(Integer.class));
        verify(ctx, never()).callActivity(eq(ActivityNames.FINISH_RUN), any(), any(TaskOptions.class), eq(Boolean.class));
    }

    @Test
    void aValidationMismatchMeansNoCutoverAndTheRunIsNotDone() {
        tablesValidate(false);
        MigrationWorkflow.Outcome out = MigrationOrchestrator.orchestrate(ctx);
        assertThat(out.succeeded()).isFalse();
        ArgumentCaptor<Object> finish = ArgumentCaptor.forClass(Object.class);
        verify(ctx).callActivity(eq(ActivityNames.FINISH_RUN), finish.capture(), any(TaskOptions.class), eq(Boolean.class));
        assertThat(((ActivityEnvelope) finish.getValue()).payload().get("succeeded").asBoolean()).isFalse();
        ArgumentCaptor<Object> statuses = ArgumentCaptor.forClass(Object.class);
        verify(ctx, org.mockito.Mockito.atLeastOnce()).setCustomStatus(statuses.capture());
        assertThat(((WorkflowStatus) statuses.getValue()).phase()).isEqualTo(RunPhase.MISMATCH);
    }

    @Test
    void anIncompleteRequestIsRefusedNamingTheField() {
        when(ctx.getInput(MigrationRequest.class)).thenReturn(new MigrationRequest("jdbc:sqlserver://x", null, null, null, null, null));
        assertThatThrownBy(() -> MigrationOrchestrator.orchestrate(ctx)).hasMessageContaining("'target'");
        when(ctx.getInput(MigrationRequest.class)).thenReturn(new MigrationRequest("jdbc:sqlserver://x;password=p", "jdbc:postgresql://y",
                null, null, null, null));
        assertThatThrownBy(() -> MigrationOrchestrator.orchestrate(ctx)).hasMessageContaining("'source'")
                .hasMessageContaining("app settings");
    }

    private static final MigrationRequest WITH_CUTOVER = new MigrationRequest(REQUEST.source(), REQUEST.target(), null, 4, 100_000, true,
            null, new CutoverSpec(new RoutingSpec(RoutingSpec.KEY_VAULT_SECRET, null, null, null,
            "https://crm-kv.vault.azure.net", "crm-database-url", null, null, null), null, List.of(), null, null, 600L, null));

    @SuppressWarnings("unchecked")
    private Task<Object>[] cutoverSteps(dev.ferry.engine.cutover.CutoverResult ending) {
        when(ctx.getInput(MigrationRequest.class)).thenReturn(WITH_CUTOVER);
        tablesValidate(true);
        Task<Long> captured = done(7L);
        when(ctx.callActivity(eq(ActivityNames.SYNC_CAPTURE), any(), any(TaskOptions.class), eq(Long.class))).thenReturn(captured);
        Task<dev.ferry.engine.cutover.CutoverSteps.SyncProgress> synced = done(new dev.ferry.engine.cutover.CutoverSteps.SyncProgress(3, 0, 0));
        when(ctx.callActivity(eq(ActivityNames.SYNC_ROUND), any(), any(TaskOptions.class),
                eq(dev.ferry.engine.cutover.CutoverSteps.SyncProgress.class))).thenReturn(synced);
        Task<dev.ferry.engine.cutover.CutoverSteps.Preflight> preflight = done(new dev.ferry.engine.cutover.CutoverSteps.Preflight(false,
                null, null, 0));
        when(ctx.callActivity(eq(ActivityNames.CUTOVER_PREFLIGHT), any(), any(TaskOptions.class),
                eq(dev.ferry.engine.cutover.CutoverSteps.Preflight.class))).thenReturn(preflight);
        Task<dev.ferry.engine.cutover.CutoverSteps.Switched> switched = done(new dev.ferry.engine.cutover.CutoverSteps.Switched(true, null,
                1_200, "previous", 5, List.of()));
        when(ctx.callActivity(eq(ActivityNames.CUTOVER_SWITCH), any(), any(TaskOptions.class),
                eq(dev.ferry.engine.cutover.CutoverSteps.Switched.class))).thenReturn(switched);
        Task<dev.ferry.engine.cutover.CutoverSteps.ProbeRound> probed = done(new dev.ferry.engine.cutover.CutoverSteps.ProbeRound(
                List.of(new dev.ferry.engine.cutover.HealthProbe.Result("sql", true, 3, "ok"))));
        when(ctx.callActivity(eq(ActivityNames.CUTOVER_PROBE), any(), any(TaskOptions.class),
                eq(dev.ferry.engine.cutover.CutoverSteps.ProbeRound.class))).thenReturn(probed);
        Task<dev.ferry.engine.cutover.CutoverResult> end = done(ending);
        when(ctx.callActivity(eq(ActivityNames.CUTOVER_COMPLETE), any(), any(TaskOptions.class),
                eq(dev.ferry.engine.cutover.CutoverResult.class))).thenReturn(end);
        when(ctx.callActivity(eq(ActivityNames.CUTOVER_ROLLBACK), any(), any(TaskOptions.class),
                eq(dev.ferry.engine.cutover.CutoverResult.class))).thenReturn(end);
        Task<Object> approve = mock(Task.class);
        Task<Object> rollback = mock(Task.class);
        Task<Void> timer = mock(Task.class);
        Task<Object> start = mock(Task.class);
        when(ctx.waitForExternalEvent(MigrationHttpApi.START_CUTOVER_EVENT, Object.class)).thenReturn(start);
        when(ctx.waitForExternalEvent(MigrationHttpApi.APPROVE_EVENT, Object.class)).thenReturn(approve);
        when(ctx.waitForExternalEvent(MigrationHttpApi.ROLLBACK_EVENT, Object.class)).thenReturn(rollback);
        when(ctx.createTimer(any(java.time.Duration.class))).thenReturn(timer);
        return new Task[] {approve, rollback, (Task) timer, start};
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHealthWindowIsADurableTimerRacedAgainstTheApprovalWhichCompletesTheCutover() {
        Task<Object>[] t = cutoverSteps(new dev.ferry.engine.cutover.CutoverResult(dev.ferry.engine.cutover.CutoverResult.COMPLETED,
                "health window passed", 1_200, 0, 0, List.of()));
        Task<Task<?>> timerWon = (Task<Task<?>>) (Task<?>) done((Task<?>) t[2]);
        Task<Task<?>> approvalWon = (Task<Task<?>>) (Task<?>) done((Task<?>) t[0]);
        when(ctx.anyOf(anyList())).thenReturn(timerWon, approvalWon);
        MigrationOrchestrator.RunResult result = MigrationOrchestrator.orchestrateWithCutover(ctx);
        assertThat(result.migration().succeeded()).isTrue();
        assertThat(result.cutover().outcome()).isEqualTo(dev.ferry.engine.cutover.CutoverResult.COMPLETED);
        ArgumentCaptor<java.time.Duration> timers = ArgumentCaptor.forClass(java.time.Duration.class);
        verify(ctx, org.mockito.Mockito.times(2)).createTimer(timers.capture());
        assertThat(timers.getAllValues()).allMatch(d -> d.compareTo(java.time.Duration.ofSeconds(10)) <= 0);
        ArgumentCaptor<List<Task<?>>> races = ArgumentCaptor.forClass(List.class);
        verify(ctx, org.mockito.Mockito.times(2)).anyOf(races.capture());
        assertThat(races.getAllValues().get(0)).contains(t[0], t[1], t[2]);
        verify(ctx, org.mockito.Mockito.times(2)).callActivity(eq(ActivityNames.CUTOVER_PROBE), any(), any(TaskOptions.class),
                eq(dev.ferry.engine.cutover.CutoverSteps.ProbeRound.class));
        verify(ctx).callActivity(eq(ActivityNames.CUTOVER_COMPLETE), any(), any(TaskOptions.class),
                eq(dev.ferry.engine.cutover.CutoverResult.class));
        verify(ctx, never()).callActivity(eq(ActivityNames.CUTOVER_ROLLBACK), any(), any(TaskOptions.class),
                eq(dev.ferry.engine.cutover.CutoverResult.class));
        verify(ctx).callActivity(eq(ActivityNames.SYNC_CAPTURE), any(), any(TaskOptions.class), eq(Long.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRollbackEventDuringTheWindowRollsBack() {
        Task<Object>[] t = cutoverSteps(new dev.ferry.engine.cutover.CutoverResult(dev.ferry.engine.cutover.CutoverResult.ROLLED_BACK,
                "an operator asked to roll back", 1_200, 900, 4, List.of()));
        Task<Task<?>> rollbackWon = (Task<Task<?>>) (Task<?>) done((Task<?>) t[1]);
        when(ctx.anyOf(anyList())).thenReturn(rollbackWon);
        MigrationOrchestrator.RunResult result = MigrationOrchestrator.orchestrateWithCutover(ctx);
        assertThat(result.cutover().outcome()).isEqualTo(dev.ferry.engine.cutover.CutoverResult.ROLLED_BACK);
        ArgumentCaptor<Object> order = ArgumentCaptor.forClass(Object.class);
        verify(ctx).callActivity(eq(ActivityNames.CUTOVER_ROLLBACK), order.capture(), any(TaskOptions.class),
                eq(dev.ferry.engine.cutover.CutoverResult.class));
        dev.ferry.engine.cutover.CutoverSteps.RollbackOrder sent = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(
                ((ActivityEnvelope) order.getValue()).payload(), dev.ferry.engine.cutover.CutoverSteps.RollbackOrder.class);
        assertThat(sent.reason()).isEqualTo("an operator asked to roll back");
        assertThat(sent.previousRouting()).isEqualTo("previous");
        assertThat(sent.reversePosition()).isEqualTo(5);
        verify(ctx, never()).callActivity(eq(ActivityNames.CUTOVER_COMPLETE), any(), any(TaskOptions.class),
                eq(dev.ferry.engine.cutover.CutoverResult.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void withWaitForGoTheSyncKeepsRunningUntilTheStartEventThenTheWindowRuns() {
        Task<Object>[] t = cutoverSteps(new dev.ferry.engine.cutover.CutoverResult(dev.ferry.engine.cutover.CutoverResult.COMPLETED,
                "health window passed", 900, 0, 0,
                List.of()));
        CutoverSpec base = WITH_CUTOVER.cutover();
        when(ctx.getInput(MigrationRequest.class)).thenReturn(new MigrationRequest(REQUEST.source(), REQUEST.target(), null, 4, 100_000,
                true, null, new CutoverSpec(base.routing(), null, List.of(), null, null, 600L, null, true)));
        Task<Task<?>> timerWon = (Task<Task<?>>) (Task<?>) done((Task<?>) t[2]);
        Task<Task<?>> startWon = (Task<Task<?>>) (Task<?>) done((Task<?>) t[3]);
        Task<Task<?>> approvalWon = (Task<Task<?>>) (Task<?>) done((Task<?>) t[0]);
        when(ctx.anyOf(anyList())).thenReturn(timerWon, timerWon, startWon, approvalWon);
        MigrationOrchestrator.RunResult result = MigrationOrchestrator.orchestrateWithCutover(ctx);
        assertThat(result.cutover().outcome()).isEqualTo(dev.ferry.engine.cutover.CutoverResult.COMPLETED);
        // the catch-up round, then one round per go-wait timer that fired
        verify(ctx, org.mockito.Mockito.times(3)).callActivity(eq(ActivityNames.SYNC_ROUND), any(), any(TaskOptions.class),
                eq(dev.ferry.engine.cutover.CutoverSteps.SyncProgress.class));
        ArgumentCaptor<java.time.Duration> timers = ArgumentCaptor.forClass(java.time.Duration.class);
        verify(ctx, org.mockito.Mockito.atLeast(3)).createTimer(timers.capture());
        assertThat(timers.getAllValues().subList(0, 3)).containsOnly(java.time.Duration.ofMinutes(1));
        verify(ctx).callActivity(eq(ActivityNames.CUTOVER_COMPLETE), any(), any(TaskOptions.class),
                eq(dev.ferry.engine.cutover.CutoverResult.class));
        verify(ctx, org.mockito.Mockito.times(1)).waitForExternalEvent(MigrationHttpApi.ROLLBACK_EVENT, Object.class);
    }
}
