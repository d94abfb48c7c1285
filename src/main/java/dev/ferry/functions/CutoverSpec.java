package dev.ferry.functions;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.cutover.CutoverPolicy;
import dev.ferry.functions.routing.RoutingSpec;
import java.time.Duration;
import java.util.List;

/**
 * The cutover that follows the migration (optional part of a start request). With it, the run
 * captures changes before the copy, syncs after it until caught up, then switches with a health
 * window; approve and rollback arrive as the run's events.
 *
 * @param routing              where the application reads its database connection from
 * @param routingValue         what routing switches to (default: the target URL as given)
 * @param probeUrls            application health URLs probed during the window
 * @param probeSql             query probed on the target (default {@code SELECT 1})
 * @param windowSeconds        health window length (default 900)
 * @param approveWithinSeconds when set, an approval is required within this many seconds, else rollback
 * @param maxPendingChanges    the sync is caught up enough to freeze when at most this many changes wait
 * @param waitForGo            after catching up, keep syncing until the start-cutover call (at most 24 h)
 * @param probeWorkload        a workload (YAML, docs/queries.md) whose target queries are probed during the window: a
 *                             query failing or over its p95 budget fails the probe
 */
public record CutoverSpec(RoutingSpec routing, String routingValue, List<String> probeUrls, String probeSql, Long windowSeconds,
                          Long approveWithinSeconds, Long maxPendingChanges, Boolean waitForGo, String probeWorkload) {

    public CutoverSpec(RoutingSpec routing, String routingValue, List<String> probeUrls, String probeSql, Long windowSeconds,
                       Long approveWithinSeconds, Long maxPendingChanges, Boolean waitForGo) {
        this(routing, routingValue, probeUrls, probeSql, windowSeconds, approveWithinSeconds, maxPendingChanges, waitForGo, null);
    }

    public CutoverSpec(RoutingSpec routing, String routingValue, List<String> probeUrls, String probeSql, Long windowSeconds,
                       Long approveWithinSeconds, Long maxPendingChanges) {
        this(routing, routingValue, probeUrls, probeSql, windowSeconds, approveWithinSeconds, maxPendingChanges, null, null);
    }

    /** The workflow's request for this cutover, with the thresholds of the run's config. */
    public dev.ferry.engine.workflow.CutoverWorkflow.Request workflowRequest(dev.ferry.engine.config.CutoverConfig config) {
        return dev.ferry.engine.workflow.CutoverWorkflow.Request.of(policy(config)).withWaitForGo(Boolean.TRUE.equals(waitForGo));
    }

    void validate() {
        if (routing == null) {
            throw missing("cutover.routing");
        }
        routing.validate();
        if (probeWorkload != null && !probeWorkload.isBlank()) {
            workload();
        }
        if (windowSeconds != null && windowSeconds < 1) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to accept field 'cutover.windowSeconds': must be at least 1");
        }
        if (approveWithinSeconds != null && approveWithinSeconds < 1) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to accept field 'cutover.approveWithinSeconds': must be at least 1");
        }
    }

    /** The policy: the config's thresholds, this request's window, approval and (when given) lag limit. */
    CutoverPolicy policy(dev.ferry.engine.config.CutoverConfig config) {
        Duration window = Duration.ofSeconds(approveWithinSeconds != null ? approveWithinSeconds
                : windowSeconds != null ? windowSeconds : CutoverPolicy.defaults().window().toSeconds());
        CutoverPolicy p = CutoverPolicy.of(config, window, approveWithinSeconds != null);
        return maxPendingChanges == null ? p : new CutoverPolicy(maxPendingChanges, p.window(), p.probeEvery(), p.maxErrorRate(),
                p.maxP95Millis(), p.requireApproval());
    }

    /** The probe workload, parsed (refused by field when malformed). */
    dev.ferry.engine.queries.Workload workload() {
        return dev.ferry.engine.queries.WorkloadLoader.parse(probeWorkload, "cutover.probeWorkload");
    }

    List<String> probes() {
        return probeUrls == null ? List.of() : probeUrls;
    }

    static FerryException missing(String field) {
        return new FerryException(ErrorCode.CONFIGURATION, "Unable to start a cutover: field '" + field + "' is missing");
    }
}
