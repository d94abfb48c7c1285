package dev.ferry.engine.workflow;

/** Activity names, in one place: the workflow, the local runner and the Functions app all use these. */
public final class ActivityNames {
    public static final String START_RUN = "StartRun";
    public static final String COPY_CHUNK = "CopyChunk";
    public static final String POST_DATA = "PostData";
    public static final String VALIDATE_SCHEMA = "ValidateSchema";
    public static final String VALIDATE_TABLE = "ValidateTable";
    public static final String FINISH_RUN = "FinishRun";

    private ActivityNames() {
    }
}
