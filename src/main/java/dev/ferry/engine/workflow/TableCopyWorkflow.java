package dev.ferry.engine.workflow;

import dev.ferry.engine.workflow.WorkflowMessages.ChunkCopied;
import dev.ferry.engine.workflow.WorkflowMessages.ChunkTask;
import dev.ferry.engine.workflow.WorkflowMessages.TableCopied;
import dev.ferry.engine.workflow.WorkflowMessages.TableCopyTask;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies one table's pending chunks in waves: the child workflow of {@link MigrationWorkflow}
 * (a sub-orchestration per table in Durable Functions), so each table's history stays small.
 * Deterministic, like its parent.
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
        return new TableCopied(task.table(), chunks.size(), rows);
    }
}
