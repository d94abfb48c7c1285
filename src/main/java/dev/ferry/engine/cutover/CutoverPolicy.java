package dev.ferry.engine.cutover;

import java.time.Duration;

/**
 * How the cutover decides.
 *
 * @param maxPendingChanges preflight: most changes the sync may be behind when the freeze starts
 * @param window            the health window after the switch (15 minutes by default)
 * @param probeEvery        time between probe rounds
 * @param maxErrorRate      share of failed probes (0..1) above which the window fails
 * @param maxP95Millis      95th percentile probe latency above which the window fails
 * @param requireApproval   whether the window needs an operator's approval before its deadline
 */
public record CutoverPolicy(long maxPendingChanges, Duration window, Duration probeEvery, double maxErrorRate, long maxP95Millis,
                            boolean requireApproval) {
    public static CutoverPolicy defaults() {
        return new CutoverPolicy(10_000, Duration.ofMinutes(15), Duration.ofSeconds(10), 0.05, 2_000, false);
    }

    /**
     * The configured thresholds with a window of {@code window}; probes every configured interval,
     * else every 10 s or a tenth of a shorter window.
     */
    public static CutoverPolicy of(dev.ferry.engine.config.CutoverConfig config, Duration window, boolean requireApproval) {
        CutoverPolicy d = defaults();
        Duration every = config.probeEverySeconds() != null ? Duration.ofSeconds(config.probeEverySeconds())
                : Duration.ofSeconds(Math.min(d.probeEvery().toSeconds(), Math.max(1, window.toSeconds() / 10)));
        return new CutoverPolicy(config.maxPendingChanges() != null ? config.maxPendingChanges() : d.maxPendingChanges(), window, every,
                config.maxErrorRate() != null ? config.maxErrorRate() : d.maxErrorRate(),
                config.maxP95Millis() != null ? config.maxP95Millis() : d.maxP95Millis(), requireApproval);
    }

    public CutoverPolicy withWindow(Duration w, Duration every) {
        return new CutoverPolicy(maxPendingChanges, w, every, maxErrorRate, maxP95Millis, requireApproval);
    }

    public CutoverPolicy withApprovalRequired(boolean required) {
        return new CutoverPolicy(maxPendingChanges, window, probeEvery, maxErrorRate, maxP95Millis, required);
    }
}
