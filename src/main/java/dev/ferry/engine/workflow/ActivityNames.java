package dev.ferry.engine.workflow;

/** Activity names, in one place: the workflow, the local runner and the Functions app all use these. */
public final class ActivityNames {
    public static final String START_RUN = "StartRun";
    public static final String COPY_CHUNK = "CopyChunk";
    public static final String POST_DATA = "PostData";
    public static final String TABLE_POST_DATA = "TablePostData";
    public static final String VALIDATE_SCHEMA = "ValidateSchema";
    public static final String VALIDATE_TABLE = "ValidateTable";
    public static final String FINISH_RUN = "FinishRun";
    public static final String PROVISION_START = "ProvisionStart";
    public static final String PROVISION_POLL = "ProvisionPoll";
    public static final String PROVISION_CONFIGURE = "ProvisionConfigure";
    public static final String SYNC_CAPTURE = "SyncCapture";
    public static final String SYNC_ROUND = "SyncRound";
    public static final String CUTOVER_PREFLIGHT = "CutoverPreflight";
    public static final String CUTOVER_SWITCH = "CutoverSwitch";
    public static final String CUTOVER_PROBE = "CutoverProbe";
    public static final String CUTOVER_COMPLETE = "CutoverComplete";
    public static final String CUTOVER_ROLLBACK = "CutoverRollback";

    /** The message type each activity takes, for runners that receive it serialized. */
    public static final java.util.Map<String, Class<?>> INPUT_TYPES = java.util.Map.ofEntries(
            java.util.Map.entry(START_RUN, MigrationWorkflow.Request.class),
            java.util.Map.entry(COPY_CHUNK, WorkflowMessages.ChunkTask.class),
            java.util.Map.entry(POST_DATA, WorkflowMessages.RunRef.class),
            java.util.Map.entry(TABLE_POST_DATA, WorkflowMessages.TableTask.class),
            java.util.Map.entry(VALIDATE_SCHEMA, WorkflowMessages.RunRef.class),
            java.util.Map.entry(VALIDATE_TABLE, WorkflowMessages.TableTask.class),
            java.util.Map.entry(FINISH_RUN, WorkflowMessages.RunFinished.class),
            java.util.Map.entry(PROVISION_START, WorkflowMessages.ProvisionStep.class),
            java.util.Map.entry(PROVISION_POLL, WorkflowMessages.ProvisionStep.class),
            java.util.Map.entry(PROVISION_CONFIGURE, WorkflowMessages.ProvisionStep.class),
            java.util.Map.entry(SYNC_CAPTURE, MigrationWorkflow.Request.class),
            java.util.Map.entry(SYNC_ROUND, CutoverWorkflow.Request.class),
            java.util.Map.entry(CUTOVER_PREFLIGHT, CutoverWorkflow.Request.class),
            java.util.Map.entry(CUTOVER_SWITCH, CutoverWorkflow.Request.class),
            java.util.Map.entry(CUTOVER_PROBE, CutoverWorkflow.Request.class),
            java.util.Map.entry(CUTOVER_COMPLETE, dev.ferry.engine.cutover.CutoverSteps.CompleteOrder.class),
            java.util.Map.entry(CUTOVER_ROLLBACK, dev.ferry.engine.cutover.CutoverSteps.RollbackOrder.class));

    private ActivityNames() {
    }
}
