package dev.ferry.engine.workflow;

import java.util.List;

/** The small payloads passed between the workflow and its activities: ids, names and counts, never rows. */
public final class WorkflowMessages {
    private WorkflowMessages() {
    }

    /** The run as started or resumed: its id, the chunks still to copy, and the tables to validate. */
    public record RunStarted(String runId, boolean resumed, List<ChunkTask> pending, long rowsAlreadyCopied, long rowsPlanned,
                             int chunksTotal, List<String> tables) {
    }

    /** One chunk to copy, by run, source table and number. */
    public record ChunkTask(String runId, String table, int chunk, long plannedRows) {
    }

    /** One table's pending chunks, for its child workflow. */
    public record TableCopyTask(String runId, String table, List<ChunkTask> chunks) {
    }

    /** What a table's child workflow copied. */
    public record TableCopied(String table, int chunks, long rows) {
    }

    /** A copied chunk. */
    public record ChunkCopied(String table, int chunk, long rows, long bytes) {
    }

    /** One table of a run (validation fan-out). */
    public record TableTask(String runId, String table) {
    }

    /** The run's id alone. */
    public record RunRef(String runId) {
    }

    /** A provisioning step of the target server (the server's settings travel with the migration). */
    public record ProvisionStep(int attempt) {
    }

    /** Where the target server stands. */
    public record ProvisionProgress(String state, boolean ready, String fqdn) {
    }

    /** How the run ended. */
    public record RunFinished(String runId, boolean succeeded) {
    }
}
