package dev.ferry.engine.workflow;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.verify.ValidationLevel;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.engine.workflow.WorkflowMessages.ChunkTask;
import dev.ferry.engine.workflow.WorkflowMessages.ProvisionProgress;
import dev.ferry.engine.workflow.WorkflowMessages.ProvisionStep;
import dev.ferry.engine.workflow.WorkflowMessages.RunFinished;
import dev.ferry.engine.workflow.WorkflowMessages.RunRef;
import dev.ferry.engine.workflow.WorkflowMessages.RunStarted;
import dev.ferry.engine.workflow.WorkflowMessages.TableCopied;
import dev.ferry.engine.workflow.WorkflowMessages.TableCopyTask;
import dev.ferry.engine.workflow.WorkflowMessages.TableTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions of a migration, once, for every runner: provision the target when asked, start or
 * resume the run, copy each table's pending chunks in a child workflow ({@link TableCopyWorkflow},
 * in waves, so no Durable history grows with the whole database), create the post-data objects,
 * validate every table, and finish the run only at parity. Deterministic: it acts only through
 * {@link WorkflowPort}.
 */
public final class MigrationWorkflow {
    /** Chunks a table's child workflow schedules at once; each wave is awaited before the next. */
    public static final int WAVE = 64;

    /** How the workflow ended, with the validation when it ran. */
    public record Outcome(RunStarted run, long rowsCopied, ValidationReport validation, boolean succeeded) {
    }

    /** Polls of a server being created, 30 s apart: 45 minutes. */
    public static final int MAX_PROVISION_POLLS = 90;
    public static final Duration PROVISION_POLL_INTERVAL = Duration.ofSeconds(30);

    /**
     * What to run: the options the workflow decides by (the connection details live in the activities).
     *
     * @param provision      create or reuse the target server first
     * @param captureChanges start change capture on the source before the copy (a cutover follows)
     */
    public record Request(boolean validate, boolean provision, boolean captureChanges) {
        public Request(boolean validate) {
            this(validate, false, false);
        }
    }

    public Outcome run(WorkflowPort port, Request request) {
        if (request.provision()) {
            provision(port);
        }
        if (request.captureChanges()) {
            port.setStatus(new WorkflowStatus(null, RunPhase.CAPTURING_CHANGES, 0, 0, 0, 0, null));
            port.callActivity(ActivityNames.SYNC_CAPTURE, request, Long.class).await();
        }
        port.setStatus(new WorkflowStatus(null, RunPhase.PLANNING, 0, 0, 0, 0, null));
        RunStarted run = port.callActivity(ActivityNames.START_RUN, request, RunStarted.class).await();
        int done = run.chunksTotal() - run.pending().size();
        long rows = run.rowsAlreadyCopied();
        port.setStatus(new WorkflowStatus(run.runId(), RunPhase.COPYING, done, run.chunksTotal(), rows, run.rowsPlanned(), null));
        Map<String, List<ChunkTask>> byTable = new LinkedHashMap<>();
        for (ChunkTask task : run.pending()) {
            byTable.computeIfAbsent(task.table(), t -> new ArrayList<>()).add(task);
        }
        List<WorkflowPort.Pending<TableCopied>> tables = new ArrayList<>();
        for (Map.Entry<String, List<ChunkTask>> e : largestFirst(byTable)) {
            tables.add(port.callSubWorkflow(TableCopyWorkflow.NAME, new TableCopyTask(run.runId(), e.getKey(), e.getValue()),
                    TableCopied.class));
        }
        for (TableCopied copied : port.awaitAll(tables)) {
            done += copied.chunks();
            rows += copied.rows();
        }
        port.setStatus(new WorkflowStatus(run.runId(), RunPhase.COPYING, done, run.chunksTotal(), rows, run.rowsPlanned(), null));
        port.setStatus(new WorkflowStatus(run.runId(), RunPhase.POST_DATA, done, run.chunksTotal(), rows, run.rowsPlanned(), null));
        port.callActivity(ActivityNames.POST_DATA, new RunRef(run.runId()), Integer.class).await();
        ValidationReport validation = null;
        if (request.validate()) {
            port.setStatus(new WorkflowStatus(run.runId(), RunPhase.VALIDATING, done, run.chunksTotal(), rows, run.rowsPlanned(), null));
            validation = validate(port, run);
        }
        boolean parity = validation == null || validation.parity();
        port.callActivity(ActivityNames.FINISH_RUN, new RunFinished(run.runId(), parity), Boolean.class).await();
        port.setStatus(new WorkflowStatus(run.runId(), parity ? RunPhase.DONE : RunPhase.MISMATCH, done, run.chunksTotal(), rows,
                run.rowsPlanned(), validation == null ? null : validation.result()));
        return new Outcome(run, rows, validation, parity);
    }

    /**
     * Tables by the rows still to copy, largest first (as pg_restore orders them): the largest table
     * is done, and its indexes are being built, while the small ones copy. Ties keep their order.
     */
    static List<Map.Entry<String, List<ChunkTask>>> largestFirst(Map<String, List<ChunkTask>> byTable) {
        List<Map.Entry<String, List<ChunkTask>>> out = new ArrayList<>(byTable.entrySet());
        out.sort(java.util.Comparator.comparingLong(
                (Map.Entry<String, List<ChunkTask>> e) -> e.getValue().stream().mapToLong(ChunkTask::plannedRows).sum()).reversed());
        return out;
    }

    /** Starts the server's creation, waits on durable timers until it is ready, then configures it. */
    private static void provision(WorkflowPort port) {
        port.setStatus(new WorkflowStatus(null, RunPhase.PROVISIONING, 0, 0, 0, 0, null));
        ProvisionProgress p = port.callActivity(ActivityNames.PROVISION_START, new ProvisionStep(0), ProvisionProgress.class).await();
        for (int poll = 1; !p.ready(); poll++) {
            if (poll > MAX_PROVISION_POLLS) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to provision the target server: still '" + p.state()
                        + "' after " + MAX_PROVISION_POLLS + " polls");
            }
            port.sleep(PROVISION_POLL_INTERVAL);
            p = port.callActivity(ActivityNames.PROVISION_POLL, new ProvisionStep(poll), ProvisionProgress.class).await();
        }
        port.callActivity(ActivityNames.PROVISION_CONFIGURE, new ProvisionStep(0), Boolean.class).await();
    }

    private static ValidationReport validate(WorkflowPort port, RunStarted run) {
        long started = port.now().toEpochMilli();
        WorkflowPort.Pending<ValidationReport.SchemaResult> schema =
                port.callActivity(ActivityNames.VALIDATE_SCHEMA, new RunRef(run.runId()), ValidationReport.SchemaResult.class);
        List<WorkflowPort.Pending<ValidationReport.TableResult>> tables = new ArrayList<>();
        for (String table : run.tables()) {
            tables.add(port.callActivity(ActivityNames.VALIDATE_TABLE, new TableTask(run.runId(), table),
                    ValidationReport.TableResult.class));
        }
        List<ValidationReport.TableResult> results = port.awaitAll(tables);
        ValidationReport.SchemaResult schemaResult = schema.await();
        double seconds = Duration.ofMillis(port.now().toEpochMilli() - started).toMillis() / 1000.0;
        return ValidationReport.of(ValidationLevel.HASH, seconds, schemaResult, results);
    }
}
