package dev.ferry.functions;

import com.microsoft.azure.functions.annotation.CustomBinding;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.durabletask.OrchestrationRunner;
import com.microsoft.durabletask.TaskOrchestrationContext;
import dev.ferry.engine.workflow.MigrationWorkflow;

/**
 * The Durable orchestrator: the engine's {@link MigrationWorkflow} on a {@link DurableWorkflowPort}.
 * The orchestration's input is the {@link MigrationRequest}; its instance id is the run's handle.
 */
public final class MigrationOrchestrator {

    @FunctionName(FunctionNames.ORCHESTRATOR)
    public String run(@CustomBinding(direction = "in", name = "orchestrationContext", type = "orchestrationTrigger") String request) {
        return OrchestrationRunner.loadAndRun(request, MigrationOrchestrator::orchestrate);
    }

    static MigrationWorkflow.Outcome orchestrate(TaskOrchestrationContext ctx) {
        MigrationRequest request = ctx.getInput(MigrationRequest.class).validated();
        return new MigrationWorkflow().run(new DurableWorkflowPort(ctx, request, Telemetry.global()),
                new MigrationWorkflow.Request(request.validates(), request.provision() != null));
    }
}
