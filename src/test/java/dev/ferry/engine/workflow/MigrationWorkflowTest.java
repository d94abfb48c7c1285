package dev.ferry.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.engine.workflow.WorkflowMessages.ChunkCopied;
import dev.ferry.engine.workflow.WorkflowMessages.ChunkTask;
import dev.ferry.engine.workflow.WorkflowMessages.RunFinished;
import dev.ferry.engine.workflow.WorkflowMessages.RunStarted;
import dev.ferry.engine.workflow.WorkflowMessages.TableTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The workflow's decisions, on a port that records what it is asked to do and answers from a script. */
class MigrationWorkflowTest {
    /** A synchronous port: activities answer at once from the script; calls, statuses are recorded. */
    static final class ScriptedPort implements WorkflowPort {
        final List<String> calls = new ArrayList<>();
        final List<WorkflowStatus> statuses = new ArrayList<>();
        final List<Duration> sleeps = new ArrayList<>();
        final Map<String, Function<Object, Object>> script;

        ScriptedPort(Map<String, Function<Object, Object>> script) {
            this.script = script;
        }

        @Override
        public <T> Pending<T> callActivity(String name, Object input, Class<T> type) {
            calls.add(name);
            try {
                T value = type.cast(script.get(name).apply(input));
                return () -> value;
            } catch (RuntimeException e) {
                return () -> {
                    throw e;
                };
            }
        }

        @Override
        public <T> Pending<T> callSubWorkflow(String name, Object input, Class<T> type) {
            calls.add(name);
            T value = type.cast(new TableCopyWorkflow().run(this, (WorkflowMessages.TableCopyTask) input));
            return () -> value;
        }

        @Override
        public <T> List<T> awaitAll(List<Pending<T>> pending) {
            return pending.stream().map(Pending::await).toList();
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
        }

        @Override
        public EventListener listen(List<String> names) {
            return timeout -> Optional.empty();
        }

        @Override
        public void setStatus(WorkflowStatus status) {
            statuses.add(status);
        }

        @Override
        public Instant now() {
            return Instant.EPOCH;
        }
    }

    private static RunStarted started(int chunks) {
        List<ChunkTask> pending = IntStream.range(0, chunks).mapToObj(i -> new ChunkTask("run-1", "dbo.T", i, 10)).toList();
        return new RunStarted("run-1", false, pending, 0, chunks * 10L, chunks, List.of("dbo.T", "dbo.U"));
    }

    private static ValidationReport.TableResult table(String name, boolean equal) {
        return new ValidationReport.TableResult(name, name, equal ? ValidationReport.TableStatus.EQUAL : ValidationReport.TableStatus.MISMATCH, 10, 10, 1, equal ? 0 : 1, 0, 0,
                equal ? 0 : 1, 0, false, List.of(), List.of());
    }

    private static Map<String, Function<Object, Object>> script(int chunks, boolean parity, Integer failingChunk) {
        return Map.of(
                ActivityNames.START_RUN, in -> started(chunks),
                ActivityNames.COPY_CHUNK, in -> {
                    ChunkTask t = (ChunkTask) in;
                    if (failingChunk != null && t.chunk() == failingChunk) {
                        throw new FerryException(ErrorCode.DATA, "Unable to copy dbo.T.c of the row with id=7: U+0000");
                    }
                    return new ChunkCopied(t.table(), t.chunk(), 10, 100);
                },
                ActivityNames.POST_DATA, in -> 3,
                ActivityNames.TABLE_POST_DATA, in -> 2,
                ActivityNames.VALIDATE_SCHEMA, in -> new ValidationReport.SchemaResult(List.of(), Map.of()),
                ActivityNames.VALIDATE_TABLE, in -> table(((TableTask) in).table(), parity),
                ActivityNames.FINISH_RUN, in -> ((RunFinished) in).succeeded());
    }

    @Test
    void copiesEveryChunkInWavesThenPostDataThenValidatesThenFinishes() {
        ScriptedPort port = new ScriptedPort(script(130, true, null));
        MigrationWorkflow.Outcome out = new MigrationWorkflow().run(port, new MigrationWorkflow.Request(true));
        assertThat(out.succeeded()).isTrue();
        assertThat(out.rowsCopied()).isEqualTo(1300);
        assertThat(port.calls.stream().filter(c -> c.equals(ActivityNames.COPY_CHUNK))).hasSize(130);
        assertThat(port.calls.subList(0, 2)).containsExactly(ActivityNames.START_RUN, TableCopyWorkflow.NAME);
        // the table's own post-data as soon as its last chunk is copied (issue 13), the rest after every table
        assertThat(port.calls.subList(132, port.calls.size())).containsExactly(ActivityNames.TABLE_POST_DATA, ActivityNames.POST_DATA,
                ActivityNames.VALIDATE_SCHEMA, ActivityNames.VALIDATE_TABLE, ActivityNames.VALIDATE_TABLE, ActivityNames.FINISH_RUN);
        assertThat(port.statuses).extracting(WorkflowStatus::chunksDone).contains(0, 130);
        assertThat(port.statuses.get(port.statuses.size() - 1).phase()).isEqualTo(RunPhase.DONE);
        assertThat(out.validation().parity()).isTrue();
    }

    @Test
    void aChunkThatFailsStopsTheRunBeforePostDataAndSaysWhichRow() {
        ScriptedPort port = new ScriptedPort(script(10, true, 4));
        assertThatThrownBy(() -> new MigrationWorkflow().run(port, new MigrationWorkflow.Request(true)))
                .isInstanceOf(FerryException.class).hasMessageContaining("dbo.T.c").hasMessageContaining("id=7");
        assertThat(port.calls).doesNotContain(ActivityNames.TABLE_POST_DATA, ActivityNames.POST_DATA, ActivityNames.FINISH_RUN);
    }

    @Test
    void aValidationMismatchIsNotFinishedAsDone() {
        ScriptedPort port = new ScriptedPort(script(3, false, null));
        MigrationWorkflow.Outcome out = new MigrationWorkflow().run(port, new MigrationWorkflow.Request(true));
        assertThat(out.succeeded()).isFalse();
        assertThat(out.validation().result()).isEqualTo(ValidationReport.Verdict.MISMATCH);
        assertThat(port.statuses.get(port.statuses.size() - 1).phase()).isEqualTo(RunPhase.MISMATCH);
    }

    @Test
    void withoutValidationNoValidationActivityRuns() {
        ScriptedPort port = new ScriptedPort(script(3, true, null));
        MigrationWorkflow.Outcome out = new MigrationWorkflow().run(port, new MigrationWorkflow.Request(false));
        assertThat(out.validation()).isNull();
        assertThat(port.calls).doesNotContain(ActivityNames.VALIDATE_TABLE, ActivityNames.VALIDATE_SCHEMA)
                .endsWith(ActivityNames.POST_DATA, ActivityNames.FINISH_RUN);
    }

    private static Map<String, Function<Object, Object>> withProvisioning(int pollsUntilReady) {
        Map<String, Function<Object, Object>> m = new java.util.HashMap<>(script(2, true, null));
        m.put(ActivityNames.PROVISION_START, in -> new WorkflowMessages.ProvisionProgress("Creating", false, null));
        m.put(ActivityNames.PROVISION_POLL, in -> {
            int poll = ((WorkflowMessages.ProvisionStep) in).attempt();
            boolean ready = poll >= pollsUntilReady;
            return new WorkflowMessages.ProvisionProgress(ready ? "Ready" : "Updating", ready, ready ? "crm.postgres.database.azure.com" : null);
        });
        m.put(ActivityNames.PROVISION_CONFIGURE, in -> true);
        return m;
    }

    @Test
    void provisioningStartsThenPollsOnDurableTimersThenConfiguresBeforeTheRun() {
        ScriptedPort port = new ScriptedPort(withProvisioning(2));
        new MigrationWorkflow().run(port, new MigrationWorkflow.Request(true, true, false));
        assertThat(port.calls.subList(0, 5)).containsExactly(ActivityNames.PROVISION_START, ActivityNames.PROVISION_POLL,
                ActivityNames.PROVISION_POLL, ActivityNames.PROVISION_CONFIGURE, ActivityNames.START_RUN);
        assertThat(port.sleeps).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(port.statuses.get(0).phase()).isEqualTo(RunPhase.PROVISIONING);
    }

    @Test
    void aServerThatNeverBecomesReadyFailsTheRunAfterTheDeadline() {
        ScriptedPort port = new ScriptedPort(withProvisioning(Integer.MAX_VALUE));
        assertThatThrownBy(() -> new MigrationWorkflow().run(port, new MigrationWorkflow.Request(true, true, false)))
                .isInstanceOf(FerryException.class).hasMessageContaining("Updating").hasMessageContaining("90 polls");
        assertThat(port.calls).doesNotContain(ActivityNames.START_RUN, ActivityNames.PROVISION_CONFIGURE);
        assertThat(port.sleeps).hasSize(MigrationWorkflow.MAX_PROVISION_POLLS);
    }

    @Test
    void eachTableIsCopiedByItsOwnChildWorkflowInWaves() {
        List<ChunkTask> pending = new ArrayList<>();
        IntStream.range(0, 3).forEach(i -> pending.add(new ChunkTask("run-1", "dbo.A", i, 10)));
        IntStream.range(0, 70).forEach(i -> pending.add(new ChunkTask("run-1", "dbo.B", i, 10)));
        Map<String, Function<Object, Object>> m = new java.util.HashMap<>(script(0, true, null));
        m.put(ActivityNames.START_RUN, in -> new RunStarted("run-1", false, pending, 0, 730, 73, List.of("dbo.A", "dbo.B")));
        ScriptedPort port = new ScriptedPort(m);
        MigrationWorkflow.Outcome out = new MigrationWorkflow().run(port, new MigrationWorkflow.Request(false));
        assertThat(port.calls.stream().filter(c -> c.equals(TableCopyWorkflow.NAME))).hasSize(2);
        assertThat(port.calls.stream().filter(c -> c.equals(ActivityNames.TABLE_POST_DATA))).hasSize(2);
        assertThat(port.calls.lastIndexOf(ActivityNames.TABLE_POST_DATA)).isLessThan(port.calls.indexOf(ActivityNames.POST_DATA));
        assertThat(out.rowsCopied()).isEqualTo(730);
    }

    /** Issue 13: tables are started largest first (rows still to copy), so the largest one's indexes build while small ones copy. */
    @Test
    void tablesAreStartedLargestFirst() {
        Map<String, List<ChunkTask>> byTable = new java.util.LinkedHashMap<>();
        byTable.put("dbo.Small", List.of(new ChunkTask("run-1", "dbo.Small", 0, 500)));
        byTable.put("dbo.Big", List.of(new ChunkTask("run-1", "dbo.Big", 0, 400), new ChunkTask("run-1", "dbo.Big", 1, 400)));
        byTable.put("dbo.Tie", List.of(new ChunkTask("run-1", "dbo.Tie", 0, 500)));
        assertThat(MigrationWorkflow.largestFirst(byTable)).extracting(Map.Entry::getKey).containsExactly("dbo.Big", "dbo.Small", "dbo.Tie");
    }
}
