package dev.ferry.functions.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.functions.annotation.CustomBinding;
import com.microsoft.durabletask.OrchestrationRunner;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationStatus;
import dev.ferry.functions.DurableActivityTrigger;
import dev.ferry.functions.DurableOrchestrationTrigger;
import dev.ferry.functions.host.StagedApp.Binding;
import dev.ferry.functions.host.StagedApp.StagedFunction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kit on small orchestrations of its own, so what it proves about Ferry's app is known to be
 * provable: a bare {@code @CustomBinding} trigger fails the orchestration as the extension does
 * (a null response), a returned value travels, timers move the virtual clock, retries follow the policy.
 */
class HostKitTest {
    /** Orchestrators and an activity as an app would declare them. */
    public static final class Functions {
        public String good(@DurableOrchestrationTrigger(name = "ctx") String request) {
            return OrchestrationRunner.loadAndRun(request, (com.microsoft.durabletask.OrchestratorFunction<String>) ctx -> {
                ctx.createTimer(Duration.ofMinutes(5)).await();
                return ctx.callActivity("Shout", "ferry", String.class).await() + "@" + ctx.getCurrentInstant();
            });
        }

        public String bare(@CustomBinding(direction = "in", name = "ctx", type = "orchestrationTrigger") String request) {
            return OrchestrationRunner.loadAndRun(request, (com.microsoft.durabletask.OrchestratorFunction<String>) ctx -> "never seen");
        }

        public String flaky(@DurableOrchestrationTrigger(name = "ctx") String request) {
            return OrchestrationRunner.loadAndRun(request, (com.microsoft.durabletask.OrchestratorFunction<Integer>) ctx -> ctx.callActivity("FlakyActivity", null,
                    new com.microsoft.durabletask.TaskOptions(new com.microsoft.durabletask.RetryPolicy(3, Duration.ofSeconds(5))),
                    Integer.class).await());
        }

        public String shout(@DurableActivityTrigger(name = "input") String input) {
            return input.toUpperCase(java.util.Locale.ROOT);
        }

        static int flakyCalls;

        public Integer flakyActivity(@DurableActivityTrigger(name = "input") String input) {
            if (++flakyCalls < 3) {
                throw new IllegalStateException("attempt " + flakyCalls + " fails");
            }
            return flakyCalls;
        }
    }

    private static StagedFunction fn(String name, String method, String trigger) {
        return new StagedFunction(name, Functions.class.getName(), method,
                List.of(new Binding(trigger, "in", trigger.equals("orchestrationTrigger") ? "ctx" : "input", null, List.of())));
    }

    private static DurableHost host(HubStore store) {
        return new DurableHost(store, StagedApp.of(List.of(fn("Good", "good", "orchestrationTrigger"), fn("Bare", "bare",
                "orchestrationTrigger"), fn("Flaky", "flaky", "orchestrationTrigger"), fn("Shout", "shout", "activityTrigger"),
                fn("FlakyActivity", "flakyActivity", "activityTrigger"))), new JavaWorker());
    }

    @Test
    void aTriggerWithoutImplicitOutputFailsTheOrchestrationWithANullResponse() {
        HubStore store = new HubStore();
        store.createInstance("bare-1", "Bare", null, null);
        HubStore.Instance done = host(store).runToCompletion("bare-1", 10);
        assertThat(done.status).isEqualTo(OrchestrationStatus.ORCHESTRATION_STATUS_FAILED);
        assertThat(done.failure.getErrorMessage()).contains("null response").contains("DROPPED");
    }

    @Test
    void aTimerMovesTheVirtualClockAndAStringParameterGetsTheInputsJsonText() {
        HubStore store = new HubStore();
        java.time.Instant start = store.now();
        store.createInstance("good-1", "Good", null, null);
        DurableHost host = host(store);
        HubStore.Instance done = host.runToCompletion("good-1", 20);
        assertThat(done.status).as(host.trace()).isEqualTo(OrchestrationStatus.ORCHESTRATION_STATUS_COMPLETED);
        // a String parameter gets the input's JSON text (passthrough mode hands the raw JSON; the worker's
        // String conversion keeps it), quotes included; the returned String travels as a JSON string
        assertThat(done.output).isEqualTo("\"\\\"FERRY\\\"@" + start.plus(Duration.ofMinutes(5)).plusMillis(1) + "\"");
        assertThat(host.episodes()).as("start, timer fired, activity completed").isEqualTo(3);
    }

    @Test
    void aRetryPolicyRunsTheActivityAgainAfterItsIntervalOnTheClock() {
        Functions.flakyCalls = 0;
        HubStore store = new HubStore();
        java.time.Instant start = store.now();
        store.createInstance("flaky-1", "Flaky", null, null);
        DurableHost host = host(store);
        HubStore.Instance done = host.runToCompletion("flaky-1", 30);
        assertThat(done.status).as(host.trace()).isEqualTo(OrchestrationStatus.ORCHESTRATION_STATUS_COMPLETED);
        assertThat(done.output).isEqualTo("3");
        assertThat(host.runs("FlakyActivity", "")).isZero(); // its input is null
        assertThat(host.executed()).hasSize(3);
        assertThat(Duration.between(start, store.now())).as("two 5 s retry intervals").isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    }
}
