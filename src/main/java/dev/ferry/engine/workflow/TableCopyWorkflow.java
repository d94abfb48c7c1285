package dev.ferry.engine.workflow;

import dev.ferry.engine.workflow.WorkflowMessages.ChunkCopied;
import dev.ferry.engine.workflow.WorkflowMessages.ChunkTask;
import dev.ferry.engine.workflow.WorkflowMessages.TableCopied;
import dev.ferry.engine.workflow.WorkflowMessages.TableCopyTask;
import dev.ferry.engine.workflow.WorkflowMessages.TableTask;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies one table's pending chunks in waves: the child workflow of {@link MigrationWorkflow}
 * (a sub-orchestration per table in Durable Functions), so each table's history stays small.
 * Once its last chunk is committed it creates the table's own post-data (primary key, unique
 * constraints, indexes, CHECKs), so those builds overlap the copy of other tables, as
 * {@code pg_restore --jobs} does; foreign keys wait for every table. Deterministic, like its parent.
 */
public final class TableCopyWorkflow {
    /** The child workflow's name (a Durable orchestrator function). */
    public static final String NAME = "TableCopyOrchestrator";

    public TableCopied run(WorkflowPort port, TableCopyTask task) {
        long rows = 0;
        List<ChunkTask> chunks = task.chunks();
        for (int from = 0; from < chunks.size(); from += MigrationWorkflow.WAVE) {
            List<WorkflowPort.Pending<ChunkCopied>> wave = new ArrayList<>();
            for (ChunkTask chunk : chunks.subList(from, Math.min(from + MigrationWorkflow.WAVE, chunks.size()))) {
                wave.add(port.callActivity(ActivityNames.COPY_CHUNK, chunk, ChunkCopied.class));
            }
            for (ChunkCopied copied : port.awaitAll(wave)) {
                rows += copied.rows();
            }
        }
        port.callActivity(ActivityNames.TABLE_POST_DATA, new TableTask(task.runId(), task.table()), Integer.class).await();
        return new TableCopied(task.table(), chunks.size(), rows);
    }
}
