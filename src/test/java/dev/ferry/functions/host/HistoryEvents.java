package dev.ferry.functions.host;

import com.google.protobuf.StringValue;
import com.google.protobuf.Timestamp;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.EventRaisedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ExecutionStartedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationInstance;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ParentInstanceInfo;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailureDetails;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TimerFiredEvent;
import dev.ferry.functions.host.HubStore.TimerItem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/**
 * History events as the Durable extension writes them: an event id (the action's id for the events
 * that record an action, -1 for messages), the time, and the event itself.
 */
final class HistoryEvents {
    private HistoryEvents() {
    }

    static HistoryEvent.Builder event(Instant now, int id) {
        return HistoryEvent.newBuilder().setEventId(id).setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
    }

    /** A failure as the extension reports a thrown exception: its type, message and stack. */
    static TaskFailureDetails failure(Throwable t) {
        StringWriter stack = new StringWriter();
        t.printStackTrace(new PrintWriter(stack));
        return TaskFailureDetails.newBuilder().setErrorType(t.getClass().getName())
                .setErrorMessage(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
                .setStackTrace(StringValue.of(stack.toString())).build();
    }

    /** The ExecutionStarted event the extension writes when an instance is created. */
    static HistoryEvent executionStarted(Instant now, String id, String executionId, String name, String input, ParentInstanceInfo parent) {
        ExecutionStartedEvent.Builder e = ExecutionStartedEvent.newBuilder().setName(name)
                .setOrchestrationInstance(OrchestrationInstance.newBuilder().setInstanceId(id).setExecutionId(StringValue.of(executionId)));
        if (input != null) {
            e.setInput(StringValue.of(input));
        }
        if (parent != null) {
            e.setParentInstance(parent);
        }
        return event(now, -1).setExecutionStarted(e).build();
    }

    static HistoryEvent eventRaised(Instant now, String name, String input) {
        EventRaisedEvent.Builder e = EventRaisedEvent.newBuilder().setName(name);
        if (input != null) {
            e.setInput(StringValue.of(input));
        }
        return event(now, -1).setEventRaised(e).build();
    }

    static HistoryEvent timerFired(Instant now, TimerItem t) {
        return event(now, -1).setTimerFired(TimerFiredEvent.newBuilder().setTimerId(t.timerId()).setFireAt(t.fireAt())).build();
    }
}
