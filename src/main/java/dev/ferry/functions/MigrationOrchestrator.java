package dev.ferry.functions;

import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.durabletask.OrchestrationRunner;
import com.microsoft.durabletask.TaskOrchestrationContext;
import dev.ferry.engine.cutover.CutoverResult;
import dev.ferry.engine.workflow.CutoverWorkflow;
import dev.ferry.engine.workflow.MigrationWorkflow;
import dev.ferry.engine.workflow.TableCopyWorkflow;
import dev.ferry.engine.workflow.WorkflowMessages;

/**
 * The Durable orchestrators: the engine's {@link MigrationWorkflow} on a {@link DurableWorkflowPort},
 * and its child {@link TableCopyWorkflow}, one sub-orchestration per table. The orchestration's
 * input is the {@link MigrationRequest}; its instance id is the run's handle.
 */
public final class MigrationOrchestrator {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @FunctionName(FunctionNames.ORCHESTRATOR)
    public String run(@DurableOrchestrationTrigger(name = "orchestrationContext") String request) {
        return OrchestrationRunner.loadAndRun(request, (com.microsoft.durabletask.OrchestratorFunction<RunResult>)
                MigrationOrchestrator::orchestrateWithCutover);
    }

    /** The child orchestrator: one table's chunks, in waves. */
    @FunctionName(TableCopyWorkflow.NAME)
    public String copyTable(@DurableOrchestrationTrigger(name = "orchestrationContext") String request) {
        return OrchestrationRunner.loadAndRun(request, (com.microsoft.durabletask.OrchestratorFunction<WorkflowMessages.TableCopied>)
                MigrationOrchestrator::copyTable);
    }

    static WorkflowMessages.TableCopied copyTable(TaskOrchestrationContext ctx) {
        ActivityEnvelope envelope = ctx.getInput(ActivityEnvelope.class);
        WorkflowMessages.TableCopyTask task = JSON.convertValue(envelope.payload(), WorkflowMessages.TableCopyTask.class);
        return new TableCopyWorkflow().run(new DurableWorkflowPort(ctx, envelope.migration(), Telemetry.global()), task);
    }

    /**
     * What a run ended with: the migration, and the cutover when the request asked for one and the copy reached parity.
     * It is the orchestration's output, which the status API reads over gRPC: build it with {@link #of}, which leaves
     * out the chunk list (10 000 chunks would be about 1 MB; the output stays a few kilobytes per table).
     */
    public record RunResult(MigrationWorkflow.Outcome migration, CutoverResult cutover) {
        public static RunResult of(MigrationWorkflow.Outcome migration, CutoverResult cutover) {
            if (migration == null || migration.run() == null) {
                return new RunResult(migration, cutover);
            }
            WorkflowMessages.RunStarted r = migration.run();
            WorkflowMessages.RunStarted summary = new WorkflowMessages.RunStarted(r.runId(), r.resumed(), java.util.List.of(),
                    r.rowsAlreadyCopied(), r.rowsPlanned(), r.chunksTotal(), r.tables());
            return new RunResult(new MigrationWorkflow.Outcome(summary, migration.rowsCopied(), migration.validation(), migration.succeeded()),
                    cutover);
        }
    }

    static MigrationWorkflow.Outcome orchestrate(TaskOrchestrationContext ctx) {
        return orchestrateWithCutover(ctx).migration();
    }

    static RunResult orchestrateWithCutover(TaskOrchestrationContext ctx) {
        MigrationRequest request = ctx.getInput(MigrationRequest.class).validated();
        DurableWorkflowPort port = new DurableWorkflowPort(ctx, request, Telemetry.global());
        MigrationWorkflow.Outcome migrated = new MigrationWorkflow().run(port,
                new MigrationWorkflow.Request(request.validates(), request.provision() != null, request.cutover() != null));
        if (request.cutover() == null || !migrated.succeeded()) {
            return RunResult.of(migrated, null);
        }
        // the config is parsed here only for the window's thresholds: a pure function of the input, so replay-safe
        dev.ferry.engine.config.MigrationConfig config = request.config() == null ? dev.ferry.engine.config.MigrationConfig.defaults()
                : dev.ferry.engine.config.ConfigLoader.parse(request.config(), "the request's config");
        CutoverResult cutover = new CutoverWorkflow().run(port, request.cutover().workflowRequest(config.cutover()));
        if (!ctx.getIsReplaying()) {
            Telemetry.global().cutover(cutover);
        }
        return RunResult.of(migrated, cutover);
    }
}
