package dev.ferry.engine.workflow;

/**
 * A run's progress as operators see it.
 *
 * @param phase      PLANNING, COPYING, POST_DATA, VALIDATING, DONE, MISMATCH
 * @param validation PARITY or MISMATCH once validated, else null
 */
public record WorkflowStatus(String runId, String phase, int chunksDone, int chunksTotal, long rowsCopied, long rowsTotal,
                             String validation) {
}
