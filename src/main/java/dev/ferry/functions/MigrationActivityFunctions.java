package dev.ferry.functions;

import com.microsoft.azure.functions.annotation.FunctionName;
import dev.ferry.engine.workflow.ActivityNames;

/**
 * The migration's activities as Azure Functions. Each takes the serialized {@link ActivityEnvelope}
 * (bound with {@link DurableActivityTrigger}, whose implicit output carries the result back to the host) and returns the activity's small result message.
 */
public final class MigrationActivityFunctions {
    @FunctionName(ActivityNames.START_RUN)
    public Object startRun(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.START_RUN, input);
    }

    @FunctionName(ActivityNames.COPY_CHUNK)
    public Object copyChunk(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.COPY_CHUNK, input);
    }

    @FunctionName(ActivityNames.POST_DATA)
    public Object postData(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.POST_DATA, input);
    }

    @FunctionName(ActivityNames.TABLE_POST_DATA)
    public Object tablePostData(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.TABLE_POST_DATA, input);
    }

    @FunctionName(ActivityNames.VALIDATE_SCHEMA)
    public Object validateSchema(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.VALIDATE_SCHEMA, input);
    }

    @FunctionName(ActivityNames.VALIDATE_TABLE)
    public Object validateTable(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.VALIDATE_TABLE, input);
    }

    @FunctionName(ActivityNames.FINISH_RUN)
    public Object finishRun(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.FINISH_RUN, input);
    }

    @FunctionName(ActivityNames.PROVISION_START)
    public Object provisionStart(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.PROVISION_START, input);
    }

    @FunctionName(ActivityNames.PROVISION_POLL)
    public Object provisionPoll(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.PROVISION_POLL, input);
    }

    @FunctionName(ActivityNames.PROVISION_CONFIGURE)
    public Object provisionConfigure(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.PROVISION_CONFIGURE, input);
    }

    @FunctionName(ActivityNames.SYNC_CAPTURE)
    public Object syncCapture(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.SYNC_CAPTURE, input);
    }

    @FunctionName(ActivityNames.SYNC_ROUND)
    public Object syncRound(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.SYNC_ROUND, input);
    }

    @FunctionName(ActivityNames.CUTOVER_PREFLIGHT)
    public Object cutoverPreflight(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.CUTOVER_PREFLIGHT, input);
    }

    @FunctionName(ActivityNames.CUTOVER_SWITCH)
    public Object cutoverSwitch(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.CUTOVER_SWITCH, input);
    }

    @FunctionName(ActivityNames.CUTOVER_PROBE)
    public Object cutoverProbe(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.CUTOVER_PROBE, input);
    }

    @FunctionName(ActivityNames.CUTOVER_COMPLETE)
    public Object cutoverComplete(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.CUTOVER_COMPLETE, input);
    }

    @FunctionName(ActivityNames.CUTOVER_ROLLBACK)
    public Object cutoverRollback(@DurableActivityTrigger(name = "input") String input) {
        return ActivityDispatcher.shared().run(ActivityNames.CUTOVER_ROLLBACK, input);
    }
}
