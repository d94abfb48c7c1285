package dev.ferry.engine.workflow;

/** Activity names, in one place: the workflow, the local runner and the Functions app all use these. */
public final class ActivityNames {
    public static final String START_RUN = "StartRun";
    public static final String COPY_CHUNK = "CopyChunk";
    public static final String POST_DATA = "PostData";
    public static final String VALIDATE_SCHEMA = "ValidateSchema";
    public static final String VALIDATE_TABLE = "ValidateTable";
    public static final String FINISH_RUN = "FinishRun";
    public static final String PROVISION_START = "ProvisionStart";
    public static final String PROVISION_POLL = "ProvisionPoll";
    public static final String PROVISION_CONFIGURE = "ProvisionConfigure";

    /** The message type each activity takes, for runners that receive it serialized. */
    public static final java.util.Map<String, Class<?>> INPUT_TYPES = java.util.Map.of(
            START_RUN, MigrationWorkflow.Request.class,
            COPY_CHUNK, WorkflowMessages.ChunkTask.class,
            POST_DATA, WorkflowMessages.RunRef.class,
            VALIDATE_SCHEMA, WorkflowMessages.RunRef.class,
            VALIDATE_TABLE, WorkflowMessages.TableTask.class,
            FINISH_RUN, WorkflowMessages.RunFinished.class,
            PROVISION_START, WorkflowMessages.ProvisionStep.class,
            PROVISION_POLL, WorkflowMessages.ProvisionStep.class,
            PROVISION_CONFIGURE, WorkflowMessages.ProvisionStep.class);

    private ActivityNames() {
    }
}
