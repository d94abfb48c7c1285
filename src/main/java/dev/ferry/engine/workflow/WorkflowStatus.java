package dev.ferry.engine.workflow;

import dev.ferry.engine.verify.ValidationReport;

/**
 * A run's progress as operators see it.
 *
 * @param phase      where the run stands
 * @param validation PARITY or MISMATCH once validated, else null
 */
public record WorkflowStatus(String runId, RunPhase phase, int chunksDone, int chunksTotal, long rowsCopied, long rowsTotal,
                             ValidationReport.Verdict validation) {
}
