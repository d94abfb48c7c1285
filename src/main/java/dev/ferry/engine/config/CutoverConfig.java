package dev.ferry.engine.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The cutover's thresholds (the window's length and the approval deadline are given when the
 * cutover starts). Every field is optional; a missing one takes the default shown.
 *
 * @param maxPendingChanges most changes the sync may be behind when the freeze starts (10 000)
 * @param maxErrorRate      share of failed probes (0..1) above which the window fails (0.05)
 * @param maxP95Millis      95th percentile probe latency above which the window fails (2 000 ms)
 * @param probeEverySeconds time between probe rounds (10 s, or a tenth of a shorter window)
 */
public record CutoverConfig(Long maxPendingChanges, Double maxErrorRate, Long maxP95Millis, Long probeEverySeconds) {
    @JsonCreator
    public CutoverConfig(@JsonProperty("maxPendingChanges") Long maxPendingChanges, @JsonProperty("maxErrorRate") Double maxErrorRate,
                         @JsonProperty("maxP95Millis") Long maxP95Millis, @JsonProperty("probeEverySeconds") Long probeEverySeconds) {
        this.maxPendingChanges = maxPendingChanges;
        this.maxErrorRate = maxErrorRate;
        this.maxP95Millis = maxP95Millis;
        this.probeEverySeconds = probeEverySeconds;
    }

    public static CutoverConfig defaults() {
        return new CutoverConfig(null, null, null, null);
    }
}
