package dev.ferry.engine.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a health window's probe results fail it: error rate first, then p95 latency (issue 18.6). */
class HealthVerdictTest {
    private static HealthProbe.Result ok(long ms) {
        return new HealthProbe.Result("app", true, ms, "ok");
    }

    private static HealthProbe.Result failed(String why) {
        return new HealthProbe.Result("app", false, 5, why);
    }

    @Test
    void noResultsYetAndAllHealthyHold() {
        assertThat(HealthVerdict.unhealthy(List.of(), 0.05, 2_000)).isEmpty();
        assertThat(HealthVerdict.unhealthy(List.of(ok(10), ok(20)), 0.05, 2_000)).isEmpty();
    }

    @Test
    void withTheDefaultRateOneFailureInFewerThanTwentyFailsTheWindowNamingTheLastFailure() {
        List<HealthProbe.Result> results = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            results.add(ok(10));
        }
        results.add(failed("HTTP 503"));
        assertThat(HealthVerdict.unhealthy(results, 0.05, 2_000)).hasValueSatisfying(why ->
                assertThat(why).contains("1 of 19 probes failed").contains("HTTP 503"));
        results.add(0, ok(10));
        assertThat(HealthVerdict.unhealthy(results, 0.05, 2_000)).as("1 of 20 is not over 5 %").isEmpty();
    }

    /** Late in the default 15-minute window (90 rounds) the rate alone would wait for five failures: two in a row fail it. */
    @Test
    void lateInALongWindowTwoFailuresInARowFailItAlthoughTheRateHolds() {
        List<HealthProbe.Result> results = new ArrayList<>();
        for (int i = 0; i < 88; i++) {
            results.add(ok(10));
        }
        results.add(failed("HTTP 500"));
        assertThat(HealthVerdict.unhealthy(results, 0.05, 2_000)).as("one failure in 89").isEmpty();
        results.add(ok(10));
        results.add(failed("HTTP 500"));
        assertThat(HealthVerdict.unhealthy(results, 0.05, 2_000)).as("two failures, not in a row").isEmpty();
        results.add(failed("HTTP 502"));
        assertThat(HealthVerdict.unhealthy(results, 0.05, 2_000)).hasValueSatisfying(why ->
                assertThat(why).contains("2 times in a row").contains("HTTP 502"));
    }

    @Test
    void failuresInARowCountPerProbe() {
        List<HealthProbe.Result> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            results.add(new HealthProbe.Result("sql", true, 5, "ok"));
            results.add(new HealthProbe.Result("http", i % 2 == 0, 5, i % 2 == 0 ? "ok" : "HTTP 503"));
        }
        results.add(new HealthProbe.Result("sql", false, 5, "timeout"));
        assertThat(HealthVerdict.unhealthy(results, 0.5, 2_000)).as("http and sql each failed once in a row").isEmpty();
    }

    @Test
    void aSlowP95FailsTheWindowEvenWhenEveryProbeSucceeds() {
        List<HealthProbe.Result> results = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            results.add(ok(50));
        }
        results.add(ok(2_500));
        results.add(ok(2_600));
        assertThat(HealthVerdict.unhealthy(results, 0.05, 2_000)).hasValueSatisfying(why -> assertThat(why).contains("p95 2500 ms"));
        for (int i = 0; i < 20; i++) {
            results.add(0, ok(50));
        }
        assertThat(HealthVerdict.unhealthy(results, 0.05, 2_000)).as("two slow probes in 40 are above the 95th percentile").isEmpty();
    }
}
